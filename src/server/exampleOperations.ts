/**
 * The named operations in operations/*.graphql, the one source of the examples that GraphiQL
 * opens with, docs/operations.md lists and the typed SDK (sdk/) is generated from. Each example
 * in operations/examples.json is one of those operations with variables to run it with.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Kind, parse, visit, type DefinitionNode } from "graphql";
import { projectRoot } from "../config.ts";

export const operationsDir = path.join(projectRoot, "operations");

export interface NamedOperation {
  name: string;
  /** The file it is written in, relative to the project. */
  file: string;
  /** The operation with the comment above it, followed by every fragment it uses: runnable alone. */
  text: string;
}

export interface Example {
  title: string;
  /** Name of an operation in operations/. */
  operation: string;
  variables: Record<string, unknown>;
}

interface Definition {
  name: string;
  file: string;
  text: string;
  fragmentsUsed: string[];
  isFragment: boolean;
}

/** Each definition's text, starting after the previous definition so the comment above it comes along. */
function definitionsOf(source: string, file: string): Definition[] {
  const document = parse(source);
  let previousEnd = 0;
  return document.definitions.map((definition: DefinitionNode) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) {
      throw new Error(`${file}: only operations and fragments belong in operations/`);
    }
    if (!definition.name) throw new Error(`${file}: every operation needs a name (the SDK method is named after it)`);
    const text = source.slice(previousEnd, definition.loc!.end).trim();
    previousEnd = definition.loc!.end;
    const fragmentsUsed: string[] = [];
    visit(definition, {
      FragmentSpread(node) {
        fragmentsUsed.push(node.name.value);
      },
    });
    return { name: definition.name.value, file, text, fragmentsUsed, isFragment: definition.kind === Kind.FRAGMENT_DEFINITION };
  });
}

/** Every named operation of operations/*.graphql, in file order; fragments are inlined where used. */
export async function readOperations(dir: string = operationsDir): Promise<NamedOperation[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".graphql")).sort();
  const operations: Definition[] = [];
  const fragments = new Map<string, Definition>();
  for (const name of files) {
    const file = path.relative(projectRoot, path.join(dir, name));
    for (const definition of definitionsOf(await readFile(path.join(dir, name), "utf8"), file)) {
      const seen = definition.isFragment ? fragments.get(definition.name) : operations.find((other) => other.name === definition.name);
      if (seen) throw new Error(`${file}: "${definition.name}" is defined twice (also in ${seen.file})`);
      if (definition.isFragment) fragments.set(definition.name, definition);
      else operations.push(definition);
    }
  }
  return operations.map((operation) => {
    const needed: string[] = [];
    const collect = (names: string[]) => {
      for (const fragmentName of names) {
        if (needed.includes(fragmentName)) continue;
        const fragment = fragments.get(fragmentName);
        if (!fragment) throw new Error(`${operation.file}: operation ${operation.name} uses an unknown fragment ${fragmentName}`);
        needed.push(fragmentName);
        collect(fragment.fragmentsUsed);
      }
    };
    collect(operation.fragmentsUsed);
    const text = [operation.text, ...needed.map((fragmentName) => fragments.get(fragmentName)!.text)].join("\n\n");
    return { name: operation.name, file: operation.file, text: `${text}\n` };
  });
}

export async function readExamples(dir: string = operationsDir): Promise<Example[]> {
  return JSON.parse(await readFile(path.join(dir, "examples.json"), "utf8")) as Example[];
}

export interface ExampleTab {
  query: string;
  variables: string;
}

/** One GraphiQL tab per example: its title as a comment, the operation, and its variables. */
export async function exampleTabs(dir: string = operationsDir): Promise<ExampleTab[]> {
  const operations = await readOperations(dir);
  return (await readExamples(dir)).map((example) => {
    const operation = operations.find((candidate) => candidate.name === example.operation);
    if (!operation) throw new Error(`operations/examples.json: "${example.title}" names an unknown operation ${example.operation}`);
    return {
      query: `# ${example.title}\n# (Run with the ▶ button or Ctrl-Enter; the variables are below.)\n\n${operation.text}`,
      variables: JSON.stringify(example.variables, null, 2),
    };
  });
}
