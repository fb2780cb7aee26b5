/** The JQL syntax tree the parser builds and the compiler turns into a predicate and an order. */

export interface Position {
  line: number;
  /** 1-based, as Jira reports it ("line 1, character 11"). */
  column: number;
}

export type Operator = '=' | '!=' | '~' | '!~' | '>' | '<' | '>=' | '<=' | 'in' | 'not in' | 'is' | 'is not';

export type FieldRef =
  | { kind: 'name'; name: string; pos: Position }
  | { kind: 'property'; propertyKey: string; path: string; text: string; pos: Position }
  | { kind: 'cf'; id: number; text: string; pos: Position }
  /** `"Field name".alias` or `cf[id].alias`: a `searchAlias` property of an object custom field. */
  | { kind: 'cfProperty'; field: { name: string } | { id: number }; alias: string; text: string; pos: Position };

export type OperandValue = { kind: 'value'; value: string; quoted: boolean; pos: Position } | { kind: 'function'; name: string; args: string[]; pos: Position };

export type Operand = OperandValue | { kind: 'list'; values: OperandValue[]; pos: Position } | { kind: 'empty'; pos: Position };

export interface Terminal {
  kind: 'terminal';
  field: FieldRef;
  operator: Operator;
  operand: Operand;
}

export type Clause = Terminal | { kind: 'and'; clauses: Clause[] } | { kind: 'or'; clauses: Clause[] } | { kind: 'not'; clause: Clause };

export interface OrderTerm {
  field: string;
  direction: 'asc' | 'desc';
  pos: Position;
}

export interface JqlQuery {
  where: Clause | null;
  orderBy: OrderTerm[];
}

export function fieldText(field: FieldRef): string {
  return field.kind === 'name' ? field.name : field.text;
}
