/**
 * The client's contract without a server: what it sends, and that every failure reaches the
 * caller as a PitchGraphError (the integration tests run it against the real server).
 */
import { describe, expect, test } from "vitest";
import { isPitchGraphError, PitchGraphClient, PitchGraphError } from "./index.ts";

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: () => Response | Promise<Response>, sent: Sent[] = []): typeof fetch {
  return async (input, init) => {
    sent.push({ url: String(input), init: init ?? {} });
    return reply();
  };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("a request", () => {
  test("is a JSON POST of the named operation to the configured endpoint, with the configured headers", async () => {
    const sent: Sent[] = [];
    const client = new PitchGraphClient({
      endpoint: "http://pitchgraph.test/graphql",
      headers: { authorization: "Bearer x" },
      fetch: fakeFetch(() => json({ data: { search: [] } }), sent),
    });
    await client.searchEntities({ text: "schurrle", limit: 3 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("http://pitchgraph.test/graphql");
    expect(sent[0]!.init.method).toBe("POST");
    expect(sent[0]!.init.headers).toMatchObject({ "content-type": "application/json", authorization: "Bearer x" });
    const body = JSON.parse(String(sent[0]!.init.body));
    expect(body.operationName).toBe("SearchEntities");
    expect(body.variables).toEqual({ text: "schurrle", limit: 3 });
    expect(body.query).toMatch(/^\s*query SearchEntities\(/);
  });

  test("headers given as a function are asked for on every request", async () => {
    let calls = 0;
    const sent: Sent[] = [];
    const client = new PitchGraphClient({
      headers: () => ({ "x-request": String(++calls) }),
      fetch: fakeFetch(() => json({ data: { search: [] } }), sent),
    });
    await client.searchEntities({ text: "a" });
    await client.searchEntities({ text: "b" });
    expect(sent.map((request) => (request.init.headers as Record<string, string>)["x-request"])).toEqual(["1", "2"]);
  });

  test("outside a browser the endpoint defaults to http://localhost:4000/graphql", () => {
    expect(new PitchGraphClient({ fetch: fakeFetch(() => json({})) }).endpoint).toBe("http://localhost:4000/graphql");
  });

  test("a method returns its field's data, unwrapped", async () => {
    const client = new PitchGraphClient({ fetch: fakeFetch(() => json({ data: { players: [] } })) });
    await expect(client.playerGoals({ id: "player:nobody" })).resolves.toBeNull();
  });
});

describe("every failure is a PitchGraphError, never swallowed", () => {
  test("GraphQL errors, with their codes and any partial data", async () => {
    const client = new PitchGraphClient({
      fetch: fakeFetch(() => json({ data: null, errors: [{ message: 'No entity has the id "x"', extensions: { code: "NOT_FOUND" } }] })),
    });
    const failure = await client.neighbourhood({ id: "x" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PitchGraphError);
    expect(failure).toMatchObject({ operationName: "Neighbourhood", status: 200, code: "NOT_FOUND", data: null });
    expect((failure as PitchGraphError).message).toBe('Neighbourhood: No entity has the id "x"');
    expect(isPitchGraphError(failure)).toBe(true);
  });

  test("an HTTP error that is not a GraphQL response", async () => {
    const client = new PitchGraphClient({ fetch: fakeFetch(() => new Response("Bad gateway", { status: 502 })) });
    await expect(client.conflicts()).rejects.toMatchObject({ name: "PitchGraphError", status: 502, errors: [] });
    await expect(client.conflicts()).rejects.toThrow(/HTTP 502.*Bad gateway/);
  });

  test("a 400 with GraphQL errors (a query the server refuses) keeps the errors", async () => {
    const client = new PitchGraphClient({ fetch: fakeFetch(() => json({ errors: [{ message: "Variable \"$id\" of required type \"ID!\" was not provided." }] }, 400)) });
    await expect(client.tieById({ id: "" })).rejects.toMatchObject({ status: 400, errors: [{ message: expect.stringContaining("$id") }] });
  });

  test("no server at all: status null, the cause kept", async () => {
    const client = new PitchGraphClient({
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    const failure = (await client.getTie({ competition: "a", season: "2017-18", club: "b", opponent: "c" }).catch((error: unknown) => error)) as PitchGraphError;
    expect(failure).toBeInstanceOf(PitchGraphError);
    expect(failure.status).toBeNull();
    expect(failure.cause).toBeInstanceOf(TypeError);
    expect(failure.message).toMatch(/^GetTie: could not reach http:\/\/localhost:4000\/graphql: fetch failed/);
  });

  test("a successful status without data", async () => {
    const client = new PitchGraphClient({ fetch: fakeFetch(() => json({})) });
    await expect(client.searchEntities({ text: "a" })).rejects.toThrow(/without data/);
  });
});

test("a null where the data guarantees a relationship is a PitchGraphError naming the place, not a silent null", async () => {
  const leg = (homeClub: unknown) => ({ id: "m", homeClub, awayClub: { id: "b", name: "B" }, goals: [] });
  const client = new PitchGraphClient({
    endpoint: "http://pitchgraph.test/graphql",
    fetch: fakeFetch(() => json({ data: { tie: { id: "t", competition: { id: "c", name: "C" }, legs: [leg({ id: "a", name: "A" }), leg(null)] } } })),
  });
  const failure = await client.getTie({ competition: "C", season: "2017-18", club: "A", opponent: "B" }).then(() => null, (error: unknown) => error as PitchGraphError);
  expect(failure).toBeInstanceOf(PitchGraphError);
  expect(failure?.code).toBe("GUARANTEE_BROKEN");
  expect(failure?.message).toContain("tie.legs[1].homeClub");
  expect(failure?.errors[0]?.path).toEqual(["tie", "legs", 1, "homeClub"]);
});
