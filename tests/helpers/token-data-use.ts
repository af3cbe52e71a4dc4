// Where the notation's code writes and reads each field of TokenData (src/transcript/token-data.ts),
// found by TypeScript's type checker rather than by text search: a read is a property access or a
// destructured name whose property is TokenData's own; a write is an object literal whose
// contextual type is TokenData (what setData takes). Also lists direct uses of markdown-it's
// `token.meta`, which only token-data.ts may touch.

import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface TokenDataUse {
  /** TokenData's fields, in declaration order. */
  keys: string[];
  /** Field → "file:line" of each write / read. */
  written: Map<string, string[]>;
  read: Map<string, string[]>;
  /** "file:line" of each `.meta` of a markdown-it Token outside token-data.ts. */
  rawMeta: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith(".ts") && !file.endsWith(".d.ts") ? [file] : [];
  });
}

export function tokenDataUse(transcriptDir: string): TokenDataUse {
  const dataFile = path.join(transcriptDir, "token-data.ts");
  const program = ts.createProgram(sourceFiles(transcriptDir), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const iface = program
    .getSourceFile(dataFile)
    ?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "TokenData");
  if (!iface) throw new Error(`no TokenData interface in ${dataFile}`);

  const keys = iface.members.map((member) => member.name?.getText() ?? "");
  const written = new Map(keys.map((key) => [key, [] as string[]]));
  const read = new Map(keys.map((key) => [key, [] as string[]]));
  const rawMeta: string[] = [];
  // A property of TokenData, or of Readonly<TokenData> (which keeps the declarations).
  const isField = (symbol: ts.Symbol | undefined) => symbol?.declarations?.some((d) => d.parent === iface) ?? false;
  const isTokenMember = (symbol: ts.Symbol | undefined) =>
    symbol?.declarations?.some((d) => ts.isClassDeclaration(d.parent) && d.parent.name?.text === "Token") ?? false;

  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(transcriptDir)) continue;
    const where = (node: ts.Node) =>
      `${path.relative(transcriptDir, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        if (isField(symbol)) read.get(node.name.text)?.push(where(node));
        if (node.name.text === "meta" && file.fileName !== dataFile && isTokenMember(symbol)) rawMeta.push(where(node));
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const name = node.propertyName ?? node.name;
        if (ts.isIdentifier(name)) {
          const property = checker.getTypeAtLocation(node.parent).getProperty(name.text);
          if (isField(property)) read.get(name.text)?.push(where(node));
        }
      } else if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        for (const property of node.properties) {
          if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) || !ts.isIdentifier(property.name)) continue;
          if (isField(contextual?.getProperty(property.name.text))) written.get(property.name.text)?.push(where(property));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { keys, written, read, rawMeta };
}
