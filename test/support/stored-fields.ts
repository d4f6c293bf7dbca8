import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '@swc/core';

/**
 * The fields a storage module writes, read from its source: keys of `z.object({...})` schemas (the JSON kept in `data`),
 * properties of interfaces named `…Entity`, `…Row` or `…Entry` (and the interfaces they extend), keys of object literals
 * handed to createEntity / upsertEntity / updateEntity, returned by a function named `…Entity`, or serialised with
 * JSON.stringify (queue messages). Read from the source, so a field added to any store shows up without anyone listing it.
 */
export function storedFieldsOf(file: string): Set<string> {
  const module = parseSync(readFileSync(file, 'utf8'), { syntax: 'typescript' });
  const fields = new Set<string>();
  const interfaces = new Map<string, { keys: string[]; extends: string[] }>();
  const wanted = new Set<string>();
  const typed = typedNames(module);
  const keysOf = (object: AstNode): string[] =>
    (object.properties as AstNode[]).flatMap((property) => {
      if (property.type === 'KeyValueProperty') return keyName(property.key);
      if (property.type === 'Identifier') return [property.value as string];
      // A spread of a typed parameter (`...card`): that type's fields are written too.
      if (property.type === 'SpreadElement' && property.arguments?.type === 'Identifier') {
        const type = typed.get(property.arguments.value);
        if (type) wanted.add(type);
      }
      return [];
    });
  visit(module, (node, parents) => {
    if (node.type === 'CallExpression') {
      const callee = memberName(node.callee);
      if (callee === 'z.object' || callee === 'JSON.stringify' || /\.(createEntity|upsertEntity|updateEntity)$/.test(callee ?? '')) {
        const first = node.arguments?.[0]?.expression;
        if (first?.type === 'ObjectExpression') keysOf(first).forEach((key) => fields.add(key));
      }
    }
    if (node.type === 'ReturnStatement' && node.argument?.type === 'ObjectExpression') {
      const fn = parents.findLast((parent) => parent.type === 'FunctionDeclaration');
      if (fn && /^(?!from).*Entity$/.test(fn.identifier?.value ?? '')) keysOf(node.argument).forEach((key) => fields.add(key));
    }
    if (node.type === 'TsInterfaceDeclaration') {
      const name: string = node.id.value;
      const keys = (node.body.body as AstNode[]).flatMap((member) => (member.type === 'TsPropertySignature' ? keyName(member.key) : []));
      const bases = ((node.extends ?? []) as AstNode[]).flatMap((base) => (base.expression?.type === 'Identifier' ? [base.expression.value as string] : []));
      interfaces.set(name, { keys, extends: bases });
      if (/(Entity|Row|Entry)$/.test(name)) wanted.add(name);
    }
  });
  const pending = [...wanted];
  while (pending.length > 0) {
    const found = interfaces.get(pending.pop()!);
    if (!found) continue;
    found.keys.forEach((key) => fields.add(key));
    for (const base of found.extends) if (!wanted.has(base)) wanted.add(base), pending.push(base);
  }
  return fields;
}

/** Every storage module: the store/ folder of each capability and src/platform/storage. */
export function storageModules(root = 'src'): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = entry.name === 'platform' ? path.join(root, 'platform', 'storage') : path.join(root, entry.name, 'store');
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.ts')) files.push(path.join(dir, name).split(path.sep).join('/'));
  }
  return files.sort();
}

// swc's AST, walked generically: only the shapes read above matter here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AstNode = any;

function visit(node: AstNode, onNode: (node: AstNode, parents: AstNode[]) => void, parents: AstNode[] = []): void {
  if (Array.isArray(node)) return node.forEach((child) => visit(child, onNode, parents));
  if (!node || typeof node !== 'object') return;
  if (typeof node.type === 'string') onNode(node, parents);
  const next = typeof node.type === 'string' ? [...parents, node] : parents;
  for (const [key, child] of Object.entries(node)) if (key !== 'span' && child && typeof child === 'object') visit(child, onNode, next);
}

function memberName(node: AstNode): string | undefined {
  if (node?.type === 'Identifier') return node.value;
  if (node?.type === 'MemberExpression' && node.property?.type === 'Identifier') {
    const object = memberName(node.object);
    return object ? `${object}.${node.property.value}` : `.${node.property.value}`;
  }
  if (node?.type === 'ThisExpression') return 'this';
  return undefined;
}

/** Parameters and variables declared with a named type: `card: SentCard` gives card → SentCard. */
function typedNames(module: AstNode): Map<string, string> {
  const typed = new Map<string, string>();
  visit(module, (node) => {
    const annotation = node.typeAnnotation?.typeAnnotation;
    if ((node.type === 'Identifier' || node.type === 'BindingIdentifier') && annotation?.type === 'TsTypeReference' && annotation.typeName?.type === 'Identifier') {
      typed.set(node.value, annotation.typeName.value);
    }
  });
  return typed;
}

function keyName(key: AstNode): string[] {
  if (key?.type === 'Identifier' || key?.type === 'StringLiteral') return [key.value as string];
  return [];
}
