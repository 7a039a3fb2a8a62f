/** "1 figure", "1,234 figures", "2 priorities": a number with its noun, singular or plural. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
