/**
 * Rewrites `--query -status:200` to `--query=-status:200` for the named
 * options, so a value may start with `-`. Node's parseArgs refuses such a
 * value as "ambiguous", but a query excluding a word (`-healthcheck`) is
 * common. A value starting with `--` still counts as the next option, and
 * nothing after a lone `--` is touched.
 *
 * @param spellings each way of writing an option (`-q`, `--query`) to its long name
 */
export function joinDashedValues(args: string[], spellings: Record<string, string>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index];
    if (argument === '--') return [...joined, ...args.slice(index)];

    const longName = Object.hasOwn(spellings, argument) ? spellings[argument] : undefined;
    const value = args[index + 1];
    if (longName && value !== undefined && /^-[^-]/.test(value)) {
      joined.push(`${longName}=${value}`);
      index += 1;
    } else {
      joined.push(argument);
    }
  }
  return joined;
}
