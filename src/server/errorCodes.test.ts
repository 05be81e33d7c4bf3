import { GraphQLError } from "graphql";
import { describe, expect, test } from "vitest";
import { INVALID_TIE_FACTS } from "../graphql/resolvers/Tie.ts";
import { classifyError } from "./errorCodes.ts";

describe("classifyError: what a client is told", () => {
  test.each([
    [
      "a tie whose facts the engine refuses keeps its code and message (the tie and the fact), so a list says which tie is wrong",
      new GraphQLError('tie tie:x: the recorded facts cannot be decided: legs[1].goals[order 1] (93\') is in extra time', { extensions: { code: INVALID_TIE_FACTS, tieId: "tie:x" } }),
      { code: INVALID_TIE_FACTS, message: "tie tie:x: the recorded facts cannot be decided: legs[1].goals[order 1] (93') is in extra time", hidden: false },
    ],
    [
      "a name nobody knows keeps its message",
      new GraphQLError('no club named "Dortmnd"', { extensions: { code: "NOT_FOUND" } }),
      { code: "NOT_FOUND", message: 'no club named "Dortmnd"', hidden: false },
    ],
    [
      "anything else is INTERNAL, its text for the log only",
      new GraphQLError("Cannot read properties of undefined", { originalError: new TypeError("Cannot read properties of undefined") }),
      { code: "INTERNAL", message: "Internal error; the server log has the details under request id r1", hidden: true },
    ],
  ])("%s", (_, error, expected) => {
    expect(classifyError(error, "r1")).toEqual(expected);
  });
});
