/**
 * Sätteri's JavaScript parser (oxc, the one its MDX compiler runs) for the two things its mdast
 * leaves out: where each attribute of a JSX tag starts (mdxJsxAttribute nodes carry no
 * position), and which names a post's import and export lines define (mdxjsEsm nodes carry only
 * their text). Sätteri exposes that parser one way, as `parseExpression()` on the ESM and
 * expression nodes a hast plugin visits; so each piece of code is compiled as a tiny MDX
 * document whose plugin keeps the ESTree program of its first such node. A call costs about
 * 0.1 ms, and is made only for posts with import lines and for tags with a problem at an
 * attribute.
 */
import { defineHastPlugin, mdxToJs, type EstreeProgram } from 'satteri';

/** oxc's ESTree nodes carry `start` and `end` offsets, as acorn's do; @types/estree leaves them out. */
interface Spanned {
  start: number;
}

/** The program of the first ESM block or expression of `mdx`. Throws Sätteri's error on a syntax error. */
function programOf(mdx: string): EstreeProgram | null {
  let program: EstreeProgram | null = null;
  const keep = (node: { parseExpression(): EstreeProgram | null }) => {
    program ??= node.parseExpression();
  };
  mdxToJs(mdx, { hastPlugins: [defineHastPlugin({ name: 'check-estree', mdxjsEsm: keep, mdxFlowExpression: keep })] });
  return program;
}

/** One attribute as Sätteri's mdast has it: a name (with its value), or a `{…}` expression. */
export interface AttributeShape {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
}

/**
 * Where each attribute of a JSX element's opening tag starts, as offsets into `element` (the
 * element's text, or its opening tag closed right after); undefined unless the parser reads
 * exactly the attributes Sätteri read (same count, names and spreads), which it does not for a
 * tag inside a blockquote, whose lines start with "> ".
 */
export function attributeOffsets(element: string, expected: readonly AttributeShape[]): number[] | undefined {
  let program: EstreeProgram | null;
  try {
    // One line: MDX strips the indentation of an expression's later lines, which would shift
    // every offset after it. A line break and a space are the same to JSX outside strings, and
    // of the same length inside them.
    program = programOf(`{${element.replace(/[\r\n]/g, ' ')}}`);
  } catch {
    return undefined;
  }
  const statement = program?.body[0];
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'JSXElement') return undefined;
  const { attributes } = statement.expression.openingElement;
  const same =
    attributes.length === expected.length &&
    attributes.every((attribute, index) => {
      const shape = expected[index];
      if (attribute.type === 'JSXSpreadAttribute') return shape?.type === 'mdxJsxExpressionAttribute';
      const { name } = attribute;
      const written = name.type === 'JSXNamespacedName' ? `${name.namespace.name}:${name.name.name}` : name.name;
      return shape?.type === 'mdxJsxAttribute' && shape.name === written;
    });
  return same ? attributes.map((attribute) => (attribute as unknown as Spanned).start) : undefined;
}

/** The names an ESM block defines: what it imports, and the functions, classes and variables it exports. */
export function definedNames(esm: string): string[] {
  const program = programOf(esm);
  const names: string[] = [];
  for (const statement of program?.body ?? []) {
    if (statement.type === 'ImportDeclaration') {
      names.push(...statement.specifiers.map((specifier) => specifier.local.name));
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration) {
      const { declaration } = statement;
      if (declaration.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
      } else if (declaration.id) {
        names.push(declaration.id.name);
      }
    }
  }
  return names;
}
