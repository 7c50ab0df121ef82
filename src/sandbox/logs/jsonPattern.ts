import { comparePatternValue, invalidPattern, type EventMatcher } from './patternValues';

type JsonTest = (document: unknown) => boolean;

const TOKEN =
  /\s*(\$[\w.[\]-]*|"(?:[^"\\]|\\.)*"|&&|\|\||!=|<=|>=|=|<|>|\(|\)|-?\d+(?:\.\d+)?\b|[\w*.:/-]+)/y;

/** Compiles `{ $.level = "error" && $.durationMs > 500 }`; the message must be a JSON object. */
export function compileJsonPattern(text: string): EventMatcher {
  if (!text.endsWith('}')) throw invalidPattern();
  const tokens = tokenize(text.slice(1, -1));
  let at = 0;

  const peek = () => tokens[at];
  const take = () => tokens[at++];

  const comparison = (): JsonTest => {
    const selector = take();
    if (!selector?.startsWith('$')) throw invalidPattern();
    const path = parseSelector(selector);
    const operator = take();
    if (!operator || !['=', '!=', '<', '>', '<=', '>='].includes(operator)) throw invalidPattern();
    const raw = take();
    if (raw === undefined || ['&&', '||', '(', ')'].includes(raw)) throw invalidPattern();

    const expected = raw.startsWith('"')
      ? raw.slice(1, -1).replace(/\\(.)/g, '$1')
      : /^-?\d+(\.\d+)?$/.test(raw)
        ? Number(raw)
        : raw;
    return (document) => comparePatternValue(select(document, path), operator, expected);
  };

  const unary = (): JsonTest => {
    if (peek() !== '(') return comparison();
    take();
    const inner = disjunction();
    if (take() !== ')') throw invalidPattern();
    return inner;
  };

  const conjunction = (): JsonTest => {
    const parts = [unary()];
    while (peek() === '&&') {
      take();
      parts.push(unary());
    }
    return (document) => parts.every((part) => part(document));
  };

  const disjunction = (): JsonTest => {
    const parts = [conjunction()];
    while (peek() === '||') {
      take();
      parts.push(conjunction());
    }
    return (document) => parts.some((part) => part(document));
  };

  const test = disjunction();
  if (at !== tokens.length) throw invalidPattern();

  return (message) => {
    if (!message.trimStart().startsWith('{')) return false;
    try {
      return test(JSON.parse(message));
    } catch {
      return false;
    }
  };
}

function tokenize(body: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    if (/^\s*$/.test(body.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(body);
    if (!match) throw invalidPattern();
    tokens.push(match[1]);
  }
  if (tokens.length === 0) throw invalidPattern();
  return tokens;
}

function parseSelector(selector: string): (string | number)[] {
  if (!/^\$(\.[\w-]+|\[\d+\])+$/.test(selector)) throw invalidPattern();
  return [...selector.matchAll(/\.([\w-]+)|\[(\d+)\]/g)].map((match) =>
    match[1] !== undefined ? match[1] : Number(match[2]),
  );
}

function select(document: unknown, path: (string | number)[]): unknown {
  let current = document;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
