import { comparePatternValue, invalidPattern, type EventMatcher } from './patternValues';

interface SpacedField {
  /** `...` stands for any number of words. */
  ellipsis: boolean;
  condition?: { operator: string; value: string | number };
}

/** Compiles `[ip, user, ..., status=5*, bytes]`: conditions on space-separated words. */
export function compileSpacedPattern(text: string): EventMatcher {
  if (!text.endsWith(']')) throw invalidPattern();
  const fields = text
    .slice(1, -1)
    .split(',')
    .map((part) => parseField(part.trim()));

  return (message) => matchWords(splitWords(message), 0, fields, 0);
}

function parseField(part: string): SpacedField {
  if (part === '...') return { ellipsis: true };
  const match = /^([\w-]+)\s*(?:(!=|<=|>=|=|<|>)\s*("(?:[^"\\]|\\.)*"|[^\s"]+))?$/.exec(part);
  if (!match) throw invalidPattern();
  if (!match[2]) return { ellipsis: false };
  const raw = match[3];
  const value = raw.startsWith('"')
    ? raw.slice(1, -1)
    : /^-?\d+(\.\d+)?$/.test(raw)
      ? Number(raw)
      : raw;
  return { ellipsis: false, condition: { operator: match[2], value } };
}

/** Splits a line into words; `"quoted text"` and `[bracketed text]` count as one word each. */
function splitWords(message: string): string[] {
  return (message.match(/"[^"]*"|\[[^\]]*\]|\S+/g) ?? []).map((word) =>
    /^(".*"|\[.*\])$/.test(word) ? word.slice(1, -1) : word,
  );
}

function matchWords(
  words: string[],
  wordAt: number,
  fields: SpacedField[],
  fieldAt: number,
): boolean {
  if (fieldAt === fields.length) return wordAt === words.length;
  const field = fields[fieldAt];
  if (field.ellipsis) {
    for (let skip = wordAt; skip <= words.length; skip++) {
      if (matchWords(words, skip, fields, fieldAt + 1)) return true;
    }
    return false;
  }
  if (wordAt >= words.length) return false;
  const condition = field.condition;
  if (condition && !comparePatternValue(words[wordAt], condition.operator, condition.value)) {
    return false;
  }
  return matchWords(words, wordAt + 1, fields, fieldAt + 1);
}
