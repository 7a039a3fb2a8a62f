import { describeValue, formatValue, ratePhrase } from '../model/format';
import type { Indicator } from '../model/types';
import { ZONE_LABEL, ZONE_SYMBOL, type Funnel, type FunnelPoint } from '../stats/funnel';
import { widerThanChance } from '../stats/funnel-ranking';
import { listJoin } from '../model/words';
import type { Readout, ReadoutPart } from './readout';

type Ind = Pick<Indicator, 'shortLabel' | 'unit' | 'decimals'>;

const count = (n: number) => n.toLocaleString('en-GB');

/** "▲ above the 99.8% limits": the shape the chart draws, shown only, then the words, as the table has them. */
export function zoneParts(p: Pick<FunnelPoint, 'zone'>): ReadoutPart[] {
  return [{ mark: ZONE_SYMBOL[p.zone] }, ` ${ZONE_LABEL[p.zone]}`];
}

/** The sentence that labels the funnel plot. */
export function funnelSummary(funnel: Funnel, indicator: Ind, year: string, denominatorLabel: string, chosen: readonly { code: string }[]): string {
  const n = funnel.points.length;
  let s = `${indicator.shortLabel} in ${year} for ${n} local authorities against ${denominatorLabel.toLowerCase()}, with England’s ${formatValue(indicator, funnel.spec.target)} as the centre line and control limits at 95% and 99.8%${funnel.adjusted ? `, adjusted for overdispersion (${funnel.overdispersion})` : ''}.`;
  s += ` ${count(funnel.outside95)} of ${count(n)} lie outside the 95% limits and ${count(funnel.outside998)} outside the 99.8% limits.`;
  const byCode = new Map(funnel.points.map((p) => [p.code, p]));
  const said = chosen.flatMap((c) => {
    const p = byCode.get(c.code);
    return p ? [`${p.name} ${formatValue(indicator, p.value)}, ${ZONE_LABEL[p.zone]}`] : [];
  });
  if (said.length) s += ` ${listJoin(said)}.`;
  return s;
}

/** What the keyboard readout says about one authority. */
export function describeFunnelPoint(p: FunnelPoint, indicator: Ind, denominatorLabel: string): Readout {
  const f = (v: number) => formatValue(indicator, v);
  return [
    `${p.name}: ${describeValue(indicator, p.value, null)}; ${denominatorLabel.toLowerCase()} ${count(p.denominator)}; `,
    ...zoneParts(p),
    ` (95% limits ${f(p.at.lower95)} to ${f(p.at.upper95)}, 99.8% limits ${f(p.at.lower998)} to ${f(p.at.upper998)})`,
  ];
}

/** 3.31e-6 → "3.31 × 10⁻⁶", for τ² on the scale of a rate per child. */
export function scientific(x: number): string {
  if (x === 0) return '0';
  if (x >= 0.01 && x < 1000) return String(Number(x.toPrecision(3)));
  const [m, e] = x.toExponential(2).split('e');
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `${m} × 10${[...String(Number(e))].map((c) => sup[c] ?? c).join('')}`;
}

const METHOD: Record<Funnel['spec']['statistic'], string> = {
  rate: 'for a rate, the exact Poisson limits (Byar’s approximation from 10 events) of the count expected at each population, inverted as PHE’s funnel tools do',
  proportion: 'for a percentage, Wilson’s score limits at each denominator, inverted as PHE’s funnel tools do',
};

/**
 * The chart's note: the method, then what the adjustment did (which, and the
 * estimate), or, unadjusted, whether the spread is wider than chance alone.
 */
export function funnelNote(funnel: Funnel, indicator: Ind): string[] {
  const n = funnel.points.length;
  const out = [
    `Control limits at 95% (dotted) and 99.8% (solid) around England’s value: ${METHOD[funnel.spec.statistic]}.` +
      (funnel.adjusted ? '' : ' An authority outside the 95% limits is one whose 95% confidence interval leaves out England’s value, as in the ranked chart’s comparison.'),
  ];
  const d = funnel.dispersion;
  if (funnel.overdispersion === 'none') {
    if (widerThanChance(funnel)) {
      out.push(
        `${count(funnel.outside998)} of ${count(n)} authorities lie outside the 99.8% limits, where chance alone would put about 1 in 500: the spread is wider than chance alone; consider the overdispersion adjustment.`,
      );
    }
    return out;
  }
  const kind = funnel.overdispersion === 'additive' ? 'additive (random effects)' : 'multiplicative';
  if (!d) {
    out.push(`Too few authorities to estimate overdispersion, so the limits are not adjusted.`);
    return out;
  }
  const unit = indicator.unit === 'percent' ? ' percentage points' : ratePhrase(indicator.unit) ? ` ${ratePhrase(indicator.unit)}` : '';
  const tau = formatValue({ unit: 'count', decimals: indicator.decimals }, Math.sqrt(d.tau2) * funnel.spec.multiplier);
  const estimate =
    funnel.overdispersion === 'additive'
      ? `τ² = ${scientific(d.tau2)} (a spread between authorities of τ = ${tau}${unit}), with φ = ${scientific(d.phi)}`
      : `φ = ${scientific(d.phi)} (limits ${scientific(Math.sqrt(d.phi))} times as wide)`;
  const scale = funnel.spec.statistic === 'rate' ? 'τ² on the scale of a rate per child' : 'τ² on the scale of a proportion';
  if (funnel.adjusted) {
    out.push(
      `Limits adjusted for overdispersion, ${kind}, as Spiegelhalter (2005, “Funnel plots for comparing institutional performance”): ${estimate}, estimated from the ${count(d.n)} authorities’ z-scores Winsorised at 10% each end${funnel.overdispersion === 'additive' ? ` (${scale})` : ''}. The adjusted limits use the normal approximation.`,
    );
  } else {
    out.push(`Overdispersion, ${kind} (Spiegelhalter 2005): ${estimate}. The authorities vary no more than chance alone would make them, so the limits are not adjusted.`);
  }
  return out;
}
