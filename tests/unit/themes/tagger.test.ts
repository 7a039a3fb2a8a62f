import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../../src/lib/themes/default-taxonomy';
import { matchSpan } from '../../../src/lib/themes/match';
import { presenceThreshold, tagText } from '../../../src/lib/themes/tagger';

const { compiled } = defaultTaxonomy();
const themesIn = (s: string) => [...new Set(matchSpan(compiled, s, 0, s.length).map((m) => m.themeId))].sort();
const present = (t: string) => tagText(compiled, t).themes.filter((x) => x.present).map((x) => x.id).sort();
const judgement = (t: string, id: string) => tagText(compiled, t).themes.find((x) => x.id === id);

describe('matching', () => {
  it.each([
    ['Neglect remains the most common category for children subject to a child protection plan.', ['neglect']],
    ['Practitioners have been trained to use the Graded Care Profile 2.', ['neglect', 'workforce']],
    ['Police have disrupted three county lines operating into the borough.', ['criminal_exploitation']],
    ['Six young people were referred through the National Referral Mechanism.', ['criminal_exploitation']],
    ['The MACE panel reviews every child at high risk of exploitation.', ['exploitation']],
    ['Referrals to the Multi-Agency Safeguarding Hub rose by 12%.', ['front_door']],
    ['Notifications under Operation Encompass reach schools before 9am.', ['domestic_abuse', 'education']],
    ['CAMHS waiting times for an assessment remain too long.', ['mental_health']],
    ['Return home interviews were offered to 94% of children after a missing episode.', ['missing']],
    ['The number of electively home educated children has doubled since the pandemic.', ['covid', 'home_education']],
    ['Social worker caseloads have fallen and agency staff use is down to 8%.', ['workforce']],
    ['Two Local Child Safeguarding Practice Reviews were published and a Rapid Review is under way.', ['practice_reviews']],
    ['The JTAI in March looked at the multi-agency response to children with SEND.', ['disability', 'inspection']],
    ['Care leavers told us that the move to adult services was too sudden.', ['looked_after', 'transition']],
    ['Children’s wishes and feelings were recorded in every plan audited.', ['quality_assurance', 'voice_of_child']],
    ['The risks to children online, including sextortion and grooming, were discussed.', ['cse', 'online_safety']],
  ])('%s', (sentence, themes) => {
    expect(themesIn(sentence)).toEqual(themes);
  });

  it('matches acronyms only in capitals', () => {
    expect(themesIn('The MASH is busy.')).toEqual(['front_door']);
    expect(themesIn('We had mash and gravy.')).toEqual([]);
    expect(themesIn('Work on CSE continued.')).toEqual(['cse']);
    expect(themesIn('Please send apologies.')).toEqual([]);
  });

  it('does not take look-alike phrases for themes', () => {
    expect(themesIn('The officer neglected to circulate the papers.')).toEqual([]);
    expect(themesIn('The Audit Committee met in May.')).toEqual([]);
    expect(themesIn('The background papers are available for inspection.')).toEqual([]);
    expect(themesIn('The Department for Education published new guidance.')).toEqual([]);
    expect(themesIn('The data was missing from two returns.')).toEqual([]);
    expect(themesIn('Meetings moved online and attendance improved.')).toEqual([]);
    expect(themesIn('The supervision order was discharged.')).toEqual([]);
  });

  it('learns acronyms the document defines', () => {
    const t = 'The Integrated Family Front Door (FFD) opened in May. Contacts to the FFD have risen.';
    const ev = judgement(t, 'front_door')!.evidence;
    expect(ev.map((e) => e.sentence)).toEqual([0, 1]);
    expect(ev[1]!.terms[0]!.term).toBe('FFD');
  });
});

describe('judging presence', () => {
  it('counts one sentence that discusses a theme in a short document', () => {
    expect(present('The Board received its annual report. Members were concerned that self-harm among girls had risen sharply.')).toEqual(['mental_health']);
  });

  it('does not count negated mentions', () => {
    const t = 'The Board received its annual report. There were no concerns about neglect raised by the audit. Members did not raise any issues regarding CSE.';
    expect(present(t)).not.toContain('neglect');
    expect(present(t)).not.toContain('cse');
    expect(judgement(t, 'neglect')!.evidence[0]!.note).toBe('negated');
  });

  it('still counts a sentence where the negation is about something else', () => {
    expect(present('Schools tracked vulnerable pupils not attending school during the lockdown.')).toContain('education');
    expect(present('Although there was no single cause, neglect featured in most plans.')).toContain('neglect');
  });

  it('does not count names in a bare list of sub-groups', () => {
    const t = 'The Partnership has four subgroups:\n\n·  Quality Assurance Sub-group\n·  Learning and Development Group\n·  Exploitation Sub-group\n·  Health Forum\n\nThe chair thanked members for their work.';
    const p = present(t);
    expect(p).not.toContain('quality_assurance');
    expect(p).not.toContain('exploitation');
    expect(judgement(t, 'quality_assurance')!.evidence[0]!.note).toContain('a name in a list');
  });

  it('does not count a theme named only among many topics in one breath', () => {
    const t = 'The conference covered substance misuse, gangs, domestic abuse, online safety and mental health. It was well attended.';
    const p = present(t);
    expect(p).not.toContain('domestic_abuse');
    expect(p).not.toContain('mental_health');
  });

  it('keeps related themes of one family discussed together', () => {
    const t = 'The strategy covers all forms of exploitation, including child sexual exploitation, criminal exploitation and county lines.';
    expect(present(t)).toEqual(['criminal_exploitation', 'cse', 'exploitation']);
  });

  it('does not count a council committee’s name or a "Label: value" line', () => {
    const t = 'Portfolios: Children and Education\n\nThe Children’s Services, Education and Skills Scrutiny Board noted the update.';
    expect(present(t)).not.toContain('education');
  });

  it('counts items of a priority list even when they are a few words', () => {
    const t = 'During 2021/22 the Partnership focused on:\n\n·  Children with disabilities\n·  Transition to adulthood\n\nProgress is reported below.';
    expect(present(t)).toEqual(expect.arrayContaining(['disability', 'transition']));
  });

  it('counts a general word once, twice in a sentence as much as a specific one', () => {
    expect(present('The partnership works with schools and the voluntary sector.')).not.toContain('education');
    expect(present('Schools supported vulnerable children and kept the school open.')).toContain('education');
  });

  it('gives a passing description less weight', () => {
    const t = 'The review concerned a family of five children, some of whom had disabilities. Its learning was shared.';
    expect(present(t)).not.toContain('disability');
  });

  it('asks more of long documents: one sentence in six hundred is a passing mention', () => {
    const filler = Array.from({ length: 600 }, (_, i) => `The board considered item ${i + 1} and agreed the recommendation.`).join(' ');
    expect(presenceThreshold(150)).toBe(1);
    expect(presenceThreshold(600)).toBe(2);
    expect(present(`${filler} Neglect was mentioned.`)).not.toContain('neglect');
    expect(present(`${filler} Neglect was discussed. The neglect strategy was agreed. Neglect audits were completed.`)).toContain('neglect');
  });

  it('keeps every matching sentence with its offsets as evidence', () => {
    const t = 'Neglect is our priority. There were no concerns about neglect in the audit.';
    const j = judgement(t, 'neglect')!;
    expect(j.evidence).toHaveLength(2);
    for (const e of j.evidence) {
      expect(t.slice(e.start, e.end)).toBe(e.text);
      for (const term of e.terms) expect(t.slice(term.start, term.end).toLowerCase()).toBe('neglect');
    }
    expect(j.sentences).toBe(1);
  });
});

describe('negation scope', () => {
  it.each([
    ['Members noted that there were no concerns raised regarding private fostering arrangements.', 'looked_after', true],
    ['There was no evidence of child sexual exploitation in the cases audited.', 'cse', true],
    ['The audit did not identify any issues relating to thresholds.', 'thresholds', true],
    ['Neglect was not discussed at the meeting.', 'neglect', true],
    ['Children not attending school were visited at home.', 'education', false],
    ['The plan was not agreed until the neglect strategy had been revised.', 'neglect', false],
    ['Not only neglect but also exploitation rose.', 'neglect', false],
  ])('%s', (sentence, theme, negated) => {
    const j = tagText(compiled, sentence).themes.find((t) => t.id === theme)!;
    expect(j.evidence[0]!.note === 'negated').toBe(negated);
  });
});

describe('matchDocument', () => {
  it('finds the same matches as matching sentence by sentence', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { splitSentences } = await import('../../../src/lib/themes/sentences');
    const { matchDocument, matchSentence } = await import('../../../src/lib/themes/match');
    const dir = new URL('../../../data/seeds/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const sentences = splitSentences(text);
      expect(matchDocument(compiled, text, sentences), f).toEqual(sentences.map((s) => matchSentence(compiled, text, s)));
    }
  });
});
