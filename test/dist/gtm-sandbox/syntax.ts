/** The documented sandboxed-JavaScript subset: what in a template's code the sandbox would refuse. */
import { parse } from 'acorn'

type AstNode = { type: string; start: number; [k: string]: unknown }

/** Node types outside ES5.1 + arrow functions + const/let, or named as absent by the docs. */
const FORBIDDEN: Record<string, string> = {
  NewExpression: '`new` does not exist in sandboxed JavaScript',
  ThisExpression: 'functions have no `this` in sandboxed JavaScript',
  ClassDeclaration: 'classes are not sandboxed JavaScript', ClassExpression: 'classes are not sandboxed JavaScript',
  TemplateLiteral: 'template literals are not among the ES6 features the sandbox has',
  TaggedTemplateExpression: 'template literals are not among the ES6 features the sandbox has',
  ForOfStatement: 'for…of is ES6', ForInStatement: 'for…in is not relied on (use Object.keys)',
  SpreadElement: 'spread is ES6', RestElement: 'rest parameters are ES6',
  ObjectPattern: 'destructuring is ES6', ArrayPattern: 'destructuring is ES6', AssignmentPattern: 'default parameters are ES6',
  AwaitExpression: 'async is ES2017', YieldExpression: 'generators are ES6', ImportExpression: 'import() is not available',
  ImportDeclaration: 'modules are not sandboxed JavaScript', ExportNamedDeclaration: 'modules are not sandboxed JavaScript',
  TryStatement: 'try/catch is not relied on: sandbox APIs report failure by their return value',
  ThrowStatement: 'throw is not relied on in templates', WithStatement: '`with` is not sandboxed JavaScript',
  ChainExpression: 'optional chaining is ES2020', MetaProperty: 'new.target/import.meta are not available',
}
/** Bitwise operators are not documented for the sandbox; the template does its arithmetic without them. */
const BITWISE = new Set(['&', '|', '^', '<<', '>>', '>>>', '~', '&=', '|=', '^=', '<<=', '>>=', '>>>=', '**', '**=', '??', '??='])
/** Methods the standard library keeps on built-in types, and those of the JSON, Math and Object APIs. */
const METHODS = new Set([
  // Array
  'concat', 'every', 'filter', 'forEach', 'indexOf', 'join', 'lastIndexOf', 'map', 'pop', 'push', 'reduce', 'reduceRight',
  'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toString', 'unshift',
  // String
  'charAt', 'match', 'replace', 'search', 'split', 'substring', 'toLowerCase', 'toLocaleLowerCase', 'toUpperCase',
  'toLocaleUpperCase', 'trim',
  // JSON, Math, Object
  'parse', 'stringify', 'abs', 'ceil', 'floor', 'max', 'min', 'pow', 'round', 'sqrt', 'keys', 'values', 'entries', 'freeze', 'delete',
  // data, and the test API's fluent assertions
  'gtmOnSuccess', 'gtmOnFailure', 'wasCalled', 'wasNotCalled', 'wasCalledWith', 'wasNotCalledWith', 'isEqualTo', 'isNotEqualTo',
  'isTrue', 'isFalse', 'isUndefined', 'isDefined', 'isNull', 'isNotNull', 'contains', 'doesNotContain', 'isStrictlyEqualTo',
])

/** Every method the built-in types have in Node, so those the sandbox removed can be told from a template's own functions. */
const NATIVE = new Set(
  [String.prototype, Array.prototype, Number.prototype, Boolean.prototype, Object.prototype, Function.prototype, Math, JSON, Object]
    .flatMap((o) => Object.getOwnPropertyNames(o)),
)

const children = (node: AstNode): AstNode[] =>
  Object.entries(node).flatMap(([k, v]) =>
    k == 'loc' ? [] : Array.isArray(v) ? v.filter((c): c is AstNode => !!c && typeof c.type == 'string') : v && typeof (v as AstNode).type == 'string' ? [v as AstNode] : [],
  )

/**
 * What in `code` the sandbox would refuse: syntax outside the subset, a method
 * the standard library does not keep, or a free name other than `data` and
 * `require` (there is no `window`, `Date`, `parseInt`, `console`…). Scenario
 * code also has the test API's names.
 */
export const checkSyntax = (code: string, globals: string[] = ['data', 'require']): string[] => {
  let ast: AstNode
  try {
    ast = parse(code, { ecmaVersion: 2022, allowReturnOutsideFunction: true, sourceType: 'script' }) as unknown as AstNode
  } catch (e) {
    return [`does not parse: ${(e as Error).message}`]
  }
  const problems: string[] = []
  const at = (n: AstNode) => `${code.slice(0, n.start).split('\n').length}`
  const declared = new Set<string>(['undefined', ...globals])
  const visit = (n: AstNode, f: (n: AstNode) => void) => (f(n), children(n).forEach((c) => visit(c, f)))
  visit(ast, (n) => {
    if (n.type == 'VariableDeclarator' && (n.id as AstNode).type == 'Identifier') declared.add((n.id as { name: string }).name)
    if (/Function/.test(n.type)) for (const p of n.params as AstNode[]) if (p.type == 'Identifier') declared.add((p as { name: string } & AstNode).name)
    if (n.type == 'FunctionDeclaration') declared.add((n.id as { name: string }).name)
  })
  visit(ast, (n) => {
    if (FORBIDDEN[n.type]) problems.push(`line ${at(n)}: ${FORBIDDEN[n.type]}`)
    if ((n.type == 'BinaryExpression' || n.type == 'AssignmentExpression' || n.type == 'UnaryExpression' || n.type == 'LogicalExpression') && BITWISE.has(n.operator as string)) {
      problems.push(`line ${at(n)}: operator ${n.operator as string} is not documented for the sandbox`)
    }
    if (n.type == 'Literal' && 'regex' in n) problems.push(`line ${at(n)}: regular expression literals are not documented for the sandbox`)
    if ((n.type == 'FunctionExpression' || n.type == 'ArrowFunctionExpression' || n.type == 'FunctionDeclaration') && (n.async || n.generator)) {
      problems.push(`line ${at(n)}: async functions and generators are not sandboxed JavaScript`)
    }
    if (n.type == 'Property' && (n.shorthand || n.method || n.computed || n.kind != 'init')) problems.push(`line ${at(n)}: ES6 object literal forms are not sandboxed JavaScript`)
    if (n.type == 'CallExpression') {
      const callee = n.callee as AstNode
      if (callee.type == 'MemberExpression' && !callee.computed) {
        const name = (callee.property as { name: string }).name
        if (NATIVE.has(name) && !METHODS.has(name)) problems.push(`line ${at(n)}: .${name}() is not in the sandbox's standard library`)
      }
    }
    if (n.type == 'Identifier' && !declared.has(n.name as string)) problems.push(`line ${at(n)}: \`${n.name as string}\` is not defined in the sandbox`)
  })
  // Identifiers that are property names or object keys are not references.
  return problems.filter((p, i, all) => all.indexOf(p) == i).filter((p) => !/is not defined/.test(p) || isReference(ast, p))
}

// Keeps "not defined" only for identifiers used as values (not `a.name`, not `{ name: … }`).
const isReference = (ast: AstNode, problem: string): boolean => {
  const name = /`(.+)`/.exec(problem)![1]
  let used = false
  const visit = (n: AstNode, parent?: AstNode, key?: string) => {
    if (n.type == 'Identifier' && n.name == name) {
      const asProperty = parent && ((parent.type == 'MemberExpression' && key == 'property' && !parent.computed) || (parent.type == 'Property' && key == 'key'))
      if (!asProperty) used = true
    }
    for (const [k, v] of Object.entries(n)) {
      if (Array.isArray(v)) v.forEach((c) => c && typeof c.type == 'string' && visit(c, n, k))
      else if (v && typeof (v as AstNode).type == 'string') visit(v as AstNode, n, k)
    }
  }
  visit(ast)
  return used
}
