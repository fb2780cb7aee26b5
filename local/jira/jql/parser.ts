/**
 * The JQL grammar (chevrotain), building the syntax tree directly:
 *
 *   query     := orClause? (ORDER BY orderTerm (',' orderTerm)*)?
 *   orClause  := andClause (OR andClause)*
 *   andClause := notClause (AND notClause)*
 *   notClause := NOT notClause | '(' orClause ')' | terminal
 *   terminal  := field operator operand
 *   operand   := EMPTY | '(' listValue (',' listValue)* ')' | function | value
 *
 * Chevrotain's errors are turned into Jira's messages by the rule they happened in.
 */
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import { EmbeddedActionsParser } from './chevrotain-runtime';
import type { Clause, FieldRef, JqlQuery, Operand, OperandValue, Operator, OrderTerm, Position } from './ast';
import { JqlError, VALID_OPERATORS, syntaxError } from './errors';
import * as T from './lexer';

const pos = (t: IToken): Position => ({ line: t.startLine ?? 1, column: t.startColumn ?? 1 });

function tokenValue(t: IToken): { value: string; quoted: boolean } {
  return t.tokenType === T.QuotedString ? { value: T.unquote(t.image), quoted: true } : { value: t.image, quoted: false };
}

class JqlParser extends EmbeddedActionsParser {
  constructor() {
    super(T.ALL_TOKENS, { maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  query = this.RULE('query', (): JqlQuery => {
    let where: Clause | null = null;
    const orderBy: OrderTerm[] = [];
    this.OPTION(() => {
      where = this.SUBRULE(this.orClause);
    });
    this.OPTION2(() => {
      this.CONSUME(T.Order);
      this.SUBRULE(this.byKeyword);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => orderBy.push(this.SUBRULE(this.orderTerm)) });
    });
    return { where, orderBy };
  });

  byKeyword = this.RULE('byKeyword', () => {
    this.CONSUME(T.By);
  });

  orClause = this.RULE('orClause', (): Clause => {
    const clauses: Clause[] = [this.SUBRULE(this.andClause)];
    this.MANY(() => {
      this.CONSUME(T.Or);
      clauses.push(this.SUBRULE2(this.andClause));
    });
    return clauses.length === 1 ? clauses[0]! : { kind: 'or', clauses };
  });

  andClause = this.RULE('andClause', (): Clause => {
    const clauses: Clause[] = [this.SUBRULE(this.notClause)];
    this.MANY(() => {
      this.CONSUME(T.And);
      clauses.push(this.SUBRULE2(this.notClause));
    });
    return clauses.length === 1 ? clauses[0]! : { kind: 'and', clauses };
  });

  notClause = this.RULE('notClause', (): Clause =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          return { kind: 'not', clause: this.SUBRULE(this.notClause) } as Clause;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.orClause);
          this.SUBRULE(this.closeParen);
          return inner;
        },
      },
      { ALT: () => this.SUBRULE(this.terminal) },
    ]),
  );

  closeParen = this.RULE('closeParen', () => {
    this.CONSUME(T.RParen);
  });

  terminal = this.RULE('terminal', (): Clause => {
    const field = this.SUBRULE(this.field);
    const operator = this.SUBRULE(this.operator);
    const operand = this.SUBRULE(this.operand);
    return { kind: 'terminal', field, operator, operand };
  });

  field = this.RULE('field', (): FieldRef =>
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.PropertyField);
          return this.ACTION(() => {
            const m = /^issue\.property\[([^\]]+)\](?:\.(.*))?$/i.exec(t.image);
            return { kind: 'property', propertyKey: m?.[1] ?? '', path: m?.[2] ?? '', text: t.image, pos: pos(t) } as FieldRef;
          });
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.CustomFieldProperty);
          return this.ACTION(() => {
            const dot = t.image.lastIndexOf('.');
            const head = t.image.slice(0, dot);
            const field = head.startsWith('"') ? { name: T.unquote(head) } : { id: Number(/\d+/.exec(head)?.[0]) };
            return { kind: 'cfProperty', field, alias: t.image.slice(dot + 1), text: t.image, pos: pos(t) } as FieldRef;
          });
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.CustomFieldRef);
          return this.ACTION(() => ({ kind: 'cf', id: Number(/\d+/.exec(t.image)?.[0]), text: t.image, pos: pos(t) }) as FieldRef);
        },
      },
      {
        ALT: () => {
          const t = this.OR2([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.QuotedString) }]);
          return this.ACTION(() => ({ kind: 'name', name: tokenValue(t).value, pos: pos(t) }) as FieldRef);
        },
      },
    ]),
  );

  operator = this.RULE('operator', (): Operator => {
    const simple = (type: TokenType, op: Operator) => ({
      ALT: () => {
        this.CONSUME(type);
        return op;
      },
    });
    return this.OR([
      simple(T.Equals, '='),
      simple(T.NotEquals, '!='),
      simple(T.Like, '~'),
      simple(T.NotLike, '!~'),
      simple(T.GreaterEquals, '>='),
      simple(T.LessEquals, '<='),
      simple(T.Greater, '>'),
      simple(T.Less, '<'),
      simple(T.In, 'in'),
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.CONSUME2(T.In);
          return 'not in' as Operator;
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Is);
          let op: Operator = 'is';
          this.OPTION(() => {
            this.CONSUME3(T.Not);
            op = 'is not';
          });
          return op;
        },
      },
    ]);
  });

  operand = this.RULE('operand', (): Operand =>
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(T.Empty);
          return { kind: 'empty', pos: pos(t) } as Operand;
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(T.LParen);
          const values: OperandValue[] = [];
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => values.push(this.SUBRULE(this.listValue)) });
          this.SUBRULE(this.closeParen);
          return { kind: 'list', values, pos: pos(open) } as Operand;
        },
      },
      { ALT: () => this.SUBRULE2(this.listValue) },
    ]),
  );

  listValue = this.RULE('listValue', (): OperandValue =>
    this.OR([
      {
        // A function call: name followed by '('.
        GATE: () => this.LA(2).tokenType === T.LParen,
        ALT: () => {
          const name = this.CONSUME(T.Identifier);
          this.CONSUME(T.LParen);
          const args: string[] = [];
          this.MANY_SEP({ SEP: T.Comma, DEF: () => args.push(tokenValue(this.SUBRULE(this.plainValue)).value) });
          this.SUBRULE(this.closeParen);
          return { kind: 'function', name: name.image, args, pos: pos(name) } as OperandValue;
        },
      },
      {
        ALT: () => {
          const t = this.SUBRULE2(this.plainValue);
          return this.ACTION(() => ({ kind: 'value', ...tokenValue(t), pos: pos(t) }) as OperandValue);
        },
      },
    ]),
  );

  plainValue = this.RULE('plainValue', (): IToken =>
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.QuotedString) },
      // Sort directions are keywords only after ORDER BY.
      { ALT: () => this.CONSUME(T.Asc) },
      { ALT: () => this.CONSUME(T.Desc) },
    ]),
  );

  orderTerm = this.RULE('orderTerm', (): OrderTerm => {
    const t = this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.QuotedString) }]);
    let direction: 'asc' | 'desc' = 'asc';
    this.OPTION(() => {
      this.OR2([{ ALT: () => this.CONSUME(T.Asc) }, { ALT: () => ((direction = 'desc'), this.CONSUME(T.Desc)) }]);
    });
    return this.ACTION(() => ({ field: tokenValue(t).value, direction, pos: pos(t) }));
  });
}

const parser = new JqlParser();

const KEYWORD_TYPES = new Set<TokenType>(T.KEYWORDS);

function describe(t: IToken): string {
  return t.image;
}

function isEof(t: IToken): boolean {
  return t.tokenType.name === 'EOF' || t.image === '';
}

function valueHint(t: IToken): string {
  // Jira suggests quotes when a word could have been meant as a value.
  return KEYWORD_TYPES.has(t.tokenType) || t.tokenType === T.Identifier ? ` You must surround '${t.image}' in quotation marks to use it as a value.` : '';
}

function translate(e: IRecognitionException, tokens: IToken[]): JqlError {
  const t = e.token;
  const stack = e.context?.ruleStack ?? [];
  const rule = stack[stack.length - 1] ?? '';
  const eof = isEof(t);
  const where = eof ? undefined : pos(t);
  if (e.name === 'NotAllInputParsedException') {
    const sawOrder = tokens.some((x) => x.tokenType === T.Order && x.startOffset < t.startOffset);
    if (tokens[0] === t) return syntaxError(`Expecting a field name but got '${describe(t)}'. You must surround '${describe(t)}' in quotation marks to use it as a field name.`, where);
    return syntaxError(sawOrder ? `Expecting ',' but got '${describe(t)}'.` : `Expecting either 'OR' or 'AND' but got '${describe(t)}'.`, where);
  }
  switch (rule) {
    case 'operator':
      return eof ? syntaxError(`Expecting operator before the end of the query. ${VALID_OPERATORS}`) : syntaxError(`Expecting operator but got '${describe(t)}'. ${VALID_OPERATORS}`, where);
    case 'operand':
    case 'listValue':
    case 'plainValue':
      return eof ? syntaxError('Expecting either a value, list or function before the end of the query.') : syntaxError(`Expecting either a value, list or function but got '${describe(t)}'.${valueHint(t)}`, where);
    case 'closeParen':
      if (stack.includes('operand')) return eof ? syntaxError("Expecting ',' or ')' before the end of the query.") : syntaxError(`Expecting ',' or ')' but got '${describe(t)}'.`, where);
      return eof ? syntaxError("Expecting ')' before the end of the query.") : syntaxError(`Expecting ')' but got '${describe(t)}'.`, where);
    case 'byKeyword':
      return eof ? syntaxError("Expecting 'by' before the end of the query.") : syntaxError(`Expecting 'by' but got '${describe(t)}'.`, where);
    default:
      return eof
        ? syntaxError('Expecting a field name at the end of the query.')
        : syntaxError(`Expecting a field name but got '${describe(t)}'. You must surround '${describe(t)}' in quotation marks to use it as a field name.`, where);
  }
}

function lexError(text: string, offset: number, line: number, column: number): JqlError {
  const ch = text[offset] ?? '';
  const p = { line, column };
  if (ch === '"' || ch === "'") {
    return syntaxError(`The quoted string '${text.slice(offset + 1)}' has not been completed.`, p);
  }
  const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
  return syntaxError(`The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`, p);
}

/** Parses JQL into a syntax tree; throws JqlError with Jira's wording. */
export function parseJql(text: string): JqlQuery {
  const lexed = T.jqlLexer.tokenize(text);
  const le = lexed.errors[0];
  if (le) throw lexError(text, le.offset, le.line ?? 1, le.column ?? 1);
  parser.input = lexed.tokens;
  const query = parser.query();
  const pe = parser.errors[0];
  if (pe) throw translate(pe, lexed.tokens);
  return query;
}
