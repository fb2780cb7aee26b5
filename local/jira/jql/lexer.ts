/**
 * JQL tokens. Keywords are case-insensitive and yield to a longer unquoted word (`INFRA` is a
 * value, `IN` an operator). Unquoted values may not contain Jira's reserved characters; a dot is
 * allowed only before a digit so versions such as `7.1` stay unquoted values.
 */
import type { TokenType } from 'chevrotain';
import { Lexer, createToken } from './chevrotain-runtime';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/, line_breaks: true });
/** `issue.property[msp-audit-item].checklistId` — one token, since `.` and `[` are reserved elsewhere. */
export const PropertyField = createToken({ name: 'PropertyField', pattern: /issue\.property\[[^\]\s]+\](?:\.[A-Za-z0-9_-]+)*/i });
/** `cf[10050]`, Jira's id form of a custom field. */
/**
 * A property of an object custom field by its `searchAlias` (Forge: "for a field named X … you can
 * search that field property using X.Y"): `"Field name".alias` or `cf[10050].alias`.
 */
export const CustomFieldProperty = createToken({ name: 'CustomFieldProperty', pattern: /(?:"(?:[^"\\]|\\.)*"|cf\[\d+\])\.[A-Za-z][A-Za-z0-9_]*/i });
export const CustomFieldRef = createToken({ name: 'CustomFieldRef', pattern: /cf\[\d+\]/i });

export const Identifier = createToken({ name: 'Identifier', pattern: /(?:[A-Za-z0-9_\-:\u00C0-\uFFFF]|\.(?=\d))+/ });

const keyword = (name: string, pattern: RegExp): TokenType => createToken({ name, pattern, longer_alt: Identifier });
export const And = keyword('And', /and|&&|&/i);
export const Or = keyword('Or', /or|\|\||\|/i);
export const Not = keyword('Not', /not/i);
export const In = keyword('In', /in/i);
export const Is = keyword('Is', /is/i);
export const Empty = keyword('Empty', /empty|null/i);
export const Order = keyword('Order', /order/i);
export const By = keyword('By', /by/i);
export const Asc = keyword('Asc', /asc/i);
export const Desc = keyword('Desc', /desc/i);

export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=/ });
export const NotLike = createToken({ name: 'NotLike', pattern: /!~/ });
export const GreaterEquals = createToken({ name: 'GreaterEquals', pattern: />=/ });
export const LessEquals = createToken({ name: 'LessEquals', pattern: /<=/ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });
export const Like = createToken({ name: 'Like', pattern: /~/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });

// The lexer takes the first keyword whose pattern matches, so ORDER must come before OR.
export const KEYWORDS: readonly TokenType[] = [Order, And, Or, Not, In, Is, Empty, By, Asc, Desc];

export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  CustomFieldProperty,
  QuotedString,
  PropertyField,
  CustomFieldRef,
  NotEquals,
  NotLike,
  GreaterEquals,
  LessEquals,
  Greater,
  Less,
  Equals,
  Like,
  LParen,
  RParen,
  Comma,
  ...KEYWORDS,
  Identifier,
];

export const jqlLexer = new Lexer(ALL_TOKENS, { positionTracking: 'full', ensureOptimizations: false });

/** The text of a quoted string without its quotes, escapes resolved. */
export function unquote(image: string): string {
  const inner = image.slice(1, -1);
  return inner.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, esc: string) => {
    if (esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc === 'n') return '\n';
    if (esc === 't') return '\t';
    if (esc === 'r') return '\r';
    return esc;
  });
}
