/**
 * The GraphiQL playground, served by the app itself for browsers that open /graphql. The
 * page inlines GraphiQL's code (from @graphql-yoga/render-graphiql), so nothing loads from a
 * CDN and it works offline. It opens with one tab per example of operations/examples.json.
 */
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { exampleTabs, type ExampleTab } from "./exampleOperations.ts";
import { describeQueryLimits } from "./queryLimits.ts";

/**
 * On a phone (390 px) GraphiQL keeps the editors and the response side by side, leaving the
 * response a sliver too narrow to read: there they are stacked, the response under the editors,
 * and the logo gives its room to the tabs.
 */
const phoneStyle = `@media (max-width: 640px) {
  .graphiql-sessions > div:has(> .graphiql-response) { flex-direction: column; }
  .graphiql-sessions .graphiql-editors, .graphiql-sessions .graphiql-response { flex: 1 1 0% !important; min-height: 0; min-width: 0; }
  .graphiql-horizontal-drag-bar, .graphiql-logo { display: none; }
}`;

/**
 * GraphiQL's tabs are framer-motion Reorder items: a tab keeps a stale inline translateX from its
 * entry animation, which GraphiQL's own CSS hides only while the tab has no focus
 * (`.graphiql-tab:not(:focus-within) { transform: none !important }`). A mouse-down focuses the
 * tab, it jumps under the pointer, and the click lands elsewhere: the tab never switches. Tabs
 * stay where the layout puts them in every state; dragging to reorder loses its animation.
 */
const tabStyle = `.graphiql-tab, .graphiql-tab:focus-within { transform: none !important; z-index: auto !important; }
#pitchgraph-reset-examples { position: fixed; right: 12px; bottom: 10px; z-index: 10; font: 13px system-ui, sans-serif;
  padding: 4px 10px; border-radius: 6px; border: 1px solid hsla(219, 28%, 32%, 0.3); background: hsl(0, 0%, 100%); color: hsl(219, 28%, 20%); cursor: pointer; }
#pitchgraph-reset-examples:hover, #pitchgraph-reset-examples:focus-visible { background: hsl(219, 28%, 94%); }
${phoneStyle}`;

/** What GraphiQL keeps of the tabs in localStorage (history and theme are left alone). */
const editorStorageKeys = ["graphiql:tabState", "graphiql:query", "graphiql:variables", "graphiql:headers", "graphiql:operationName"];
const examplesVersionKey = "pitchgraph:examples-version";

/**
 * Runs before GraphiQL reads its storage. Edited tabs survive a reload, until the shipped
 * examples change (their hash is the version): then the new examples replace them. The "Reset
 * examples" button brings them back at any time.
 */
function storageScript(version: string): string {
  return `(() => {
  const keys = ${JSON.stringify(editorStorageKeys)};
  const forget = () => keys.forEach((key) => localStorage.removeItem(key));
  try {
    // A reset is done here, at the next load, before GraphiQL reads its storage: the old page
    // may still write its tabs while it unloads, after the button cleared them.
    if (localStorage.getItem(${JSON.stringify(examplesVersionKey)}) !== ${JSON.stringify(version)} || sessionStorage.getItem("pitchgraph:reset-examples")) {
      forget();
      sessionStorage.removeItem("pitchgraph:reset-examples");
      localStorage.setItem(${JSON.stringify(examplesVersionKey)}, ${JSON.stringify(version)});
    }
  } catch {}
  window.addEventListener("DOMContentLoaded", () => {
    const button = document.createElement("button");
    button.id = "pitchgraph-reset-examples";
    button.type = "button";
    button.textContent = "Reset examples";
    button.title = "Close every tab and reopen the shipped examples (your edits in them are lost)";
    button.addEventListener("click", () => { forget(); sessionStorage.setItem("pitchgraph:reset-examples", "1"); location.reload(); });
    document.body.append(button);
  });
})();`;
}

/** The HTML of the playground, with the examples as tabs. */
export function renderPlayground(tabs: ExampleTab[]): string {
  const version = createHash("sha256").update(JSON.stringify(tabs)).digest("hex").slice(0, 16);
  const html = renderGraphiQL({
    title: "PitchGraph GraphiQL",
    endpoint: "/graphql",
    defaultTabs: tabs,
    defaultEditorToolsVisibility: "variables",
    // The first tab's variables: Yoga's GraphiQL fills the opening tab's variable editor from
    // `variables`, not from its entry in `defaultTabs` (the other tabs take theirs from there).
    ...({ variables: tabs[0]?.variables } as object),
  });
  return html.replace("</head>", `<style>${tabStyle}</style><script>${storageScript(version)}</script></head>`);
}

export function graphiqlLandingPage(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      // Each tab opens with the query limits, so nobody meets QUERY_TOO_COMPLEX unwarned.
      const tabs = (await exampleTabs()).map((tab) => ({ ...tab, query: `# ${describeQueryLimits()}\n${tab.query}` }));
      const html = renderPlayground(tabs);
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
