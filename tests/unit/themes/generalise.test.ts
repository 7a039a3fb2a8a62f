/**
 * The general behaviours added so that the tagger reads other councils' minutes as it
 * reads the seeds: each with sentences written for the test in the way minutes put
 * things, not copied from the seed or development documents.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../../src/lib/themes/default-taxonomy';
import { extractPriorities } from '../../../src/lib/themes/priorities';
import { splitSentences } from '../../../src/lib/themes/sentences';
import { tagText } from '../../../src/lib/themes/tagger';

const { compiled } = defaultTaxonomy();
const present = (t: string) => tagText(compiled, t).themes.filter((x) => x.present).map((x) => x.id).sort();
const weights = (t: string, id: string) => tagText(compiled, t).themes.find((x) => x.id === id)?.evidence.map((e) => e.weight) ?? [];
const notes = (t: string, id: string) => tagText(compiled, t).themes.find((x) => x.id === id)?.evidence.map((e) => e.note) ?? [];
const priorities = (t: string) => extractPriorities(compiled, t, splitSentences(t)).map((p) => p.label);

// The first tagging compiles every pattern of the taxonomy, which takes seconds on a busy
// machine: it is done once here rather than inside the first test's time limit.
beforeAll(() => void tagText(compiled, 'Neglect, early help and domestic abuse were discussed by the Board.'), 60_000);

describe('job titles and speakers', () => {
  it('does not read a theme into a job title', () => {
    const t = 'Priya Shah, Assistant Director – Education, presented the report. Tom Hale, Head of Early Help, answered questions.';
    expect(present(t)).toEqual([]);
    expect(notes(t, 'education')).toEqual(['part of a job title']);
  });

  it('does not count the chair who speaks as talk about the partnership', () => {
    expect(weights('The Independent Chair reported that attendance at the conference had doubled.', 'governance')).toEqual([0]);
  });

  it('still counts theme names that contain "Lead" or "Head"', () => {
    expect(present('Designated Safeguarding Leads from every secondary school attended the briefing.')).toContain('education');
    expect(present('Head Teachers agreed a new protocol for sharing attendance concerns.')).toContain('education');
  });
});

describe('procedural items', () => {
  it('gives no weight to a declaration of interest', () => {
    const t = 'Councillor Green declared a personal interest as a governor at Oakfield Primary School and as a foster carer.';
    expect(present(t)).toEqual([]);
    expect(notes(t, 'looked_after')).toEqual(['a declaration of interest']);
  });
});

describe('lists', () => {
  it('reads a list of headings as topics named, not discussed', () => {
    const t = 'The presentation covered:\n\n·  Section 11 Audits;\n·  Ofsted Inspection;\n·  Serious Case Reviews;\n·  Areas of focus.\n\nThe report was noted.';
    expect(present(t)).toEqual([]);
    expect(weights(t, 'inspection')).toEqual([0.25]);
  });

  it('still counts a telegraphic item that says something', () => {
    expect(present('Highlights of the year:\n\n·  Neglect strategy launched in May;\n·  Budget agreed.')).toContain('neglect');
  });

  it('counts items that are not themes when it sees an enumeration', () => {
    const t = 'Members asked questions about the voluntary sector, the new children’s centre, domestic abuse, cyber security and railway safety.';
    expect(present(t)).toEqual([]);
    expect(weights(t, 'domestic_abuse')[0]).toBeLessThan(0.5);
  });

  it('does not count the words that introduce a list, or an aside, as items', () => {
    expect(present('Neglect linked to alcohol misuse, substance misuse and domestic abuse remains the main category.')).toContain('neglect');
    expect(present('In 2021, 2022 and 2023, referrals to children’s social care rose steadily.')).toContain('front_door');
  });

  it('does not discount one theme named in several words', () => {
    expect(present('The framework helps agencies assess the training, learning and development needs of their staff.')).toEqual(['workforce']);
  });

  it('gives half weight to a theme that is only the name of a group', () => {
    expect(weights('A new learning and development group started in March.', 'workforce')).toEqual([0.5]);
    expect(weights('The learning and development offer was redesigned with practitioners.', 'workforce')).toEqual([1]);
  });

  it('halves a theme named in a statement of vision', () => {
    const t = 'The vision of the partnership is that all children are safe and enjoy good physical, emotional and mental health.';
    expect(present(t)).toEqual([]);
  });
});

describe('the board and its arrangements', () => {
  it('does not take the board’s name, or its acronym, for talk about how it is organised', () => {
    const t = 'Oldbury Safeguarding Children Board (OSCB) received the report. The OSCB thanked officers for their work.';
    expect(present(t)).toEqual([]);
    expect(notes(t, 'governance')[1]).toBe('the name of the board or partnership');
  });

  it('reads the statutory basis of the arrangements', () => {
    expect(present('The Board was a statutory body set up under the Children Act 2004.')).toEqual(['governance']);
    expect(present('The Children and Social Work Act 2017 replaces LSCBs with arrangements led by three partners.')).toContain('governance');
    expect(present('The report assessed the effectiveness of local arrangements to safeguard children.')).toEqual(['governance']);
  });
});

describe('vocabulary', () => {
  it('reads child sexual abuse and exploitation as CSE', () => {
    expect(present('Activities targeted young people vulnerable to sexual abuse and exploitation.')).toEqual(['cse']);
  });

  it('keeps parents’ mental health and mental health trusts out of children’s mental health', () => {
    expect(present('Neglect arising from parental mental health problems was a focus of audits.')).not.toContain('mental_health');
    expect(present('The acute trusts and the community and mental health providers joined the partnership.')).not.toContain('mental_health');
    expect(present('Waiting times for children’s mental health services have lengthened.')).toEqual(['mental_health']);
  });

  it('treats "anxiety" as a general word', () => {
    expect(present('An anxiety was raised about the timetable for the new arrangements.')).not.toContain('mental_health');
  });

  it('counts referrals fully only when they reach children’s social care', () => {
    expect(present('Eighty-five referrals were considered by the exploitation panel.')).not.toContain('front_door');
    expect(present('Referrals to children’s social care rose by 12% in the year.')).toEqual(['front_door']);
  });

  it('counts training when it is given, attended or invested in', () => {
    expect(present('The police invested in hidden harm training for every response officer.')).toEqual(['workforce']);
    expect(present('The meeting was held in the training room.')).toEqual([]);
  });

  it('reads the usual forms of children’s participation', () => {
    expect(present('Young people took over the Board for its takeover day and challenged its priorities.')).toContain('voice_of_child');
    expect(present('The Children in Care Council met the Director twice this year.')).toContain('voice_of_child');
  });

  it('reads self-scrutiny and data quality as quality assurance', () => {
    expect(present('Partner agencies need to scrutinise themselves more rigorously.')).toEqual(['quality_assurance']);
    expect(present('A new system had reduced the quality and timeliness of the data.')).toEqual(['quality_assurance']);
  });

  it('does not take a police unit’s name for criminal exploitation', () => {
    expect(present('The Regional Organised Crime Unit spoke at the conference.')).toEqual([]);
  });
});

describe('priorities', () => {
  it('reads priorities after a semicolon and numbered (i), (ii), (iii)', () => {
    const t = 'The Chair set out progress on the three key priorities; (i) neglect, (ii) contextual safeguarding and (iii) making the system work.';
    expect(priorities(t)).toEqual(['neglect', 'contextual safeguarding', 'making the system work']);
  });

  it('reads "areas of focus, including …", keeping "and its impact" with its item', () => {
    const t = 'The presentation covered the areas of focus, including child exploitation, early help, and domestic abuse and its impact on children.';
    expect(priorities(t)).toEqual(['child exploitation', 'early help', 'domestic abuse and its impact on children']);
    expect(present(t)).toEqual(['domestic_abuse', 'early_help', 'exploitation']);
  });
});
