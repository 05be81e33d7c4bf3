/**
 * A driver that counts the queries sent through it, whoever sends them (@neo4j/graphql or our
 * own code), so a test can assert how many database round trips an operation costs — as
 * DataLoader's own tests record each batch.
 */
import type { Driver } from "neo4j-driver";

export interface QueryCounter {
  count: number;
  cypher: string[];
}

function countingRunner<T extends object>(target: T, counter: QueryCounter): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "run") {
        return (cypher: string, ...rest: unknown[]) => {
          counter.count += 1;
          counter.cypher.push(cypher);
          return value.call(object, cypher, ...rest);
        };
      }
      if (property === "executeRead" || property === "executeWrite") {
        return (work: (tx: object) => unknown, ...rest: unknown[]) =>
          value.call(object, (tx: object) => work(countingRunner(tx, counter)), ...rest);
      }
      if (property === "beginTransaction") {
        return (...args: unknown[]) => countingRunner(value.apply(object, args), counter);
      }
      return value.bind(object);
    },
  });
}

export function countingDriver(driver: Driver, counter: QueryCounter): Driver {
  return new Proxy(driver, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === "session") return (...args: unknown[]) => countingRunner(value.apply(object, args), counter);
      if (property === "executeQuery") {
        return (cypher: string, ...rest: unknown[]) => {
          counter.count += 1;
          counter.cypher.push(cypher);
          return value.call(object, cypher, ...rest);
        };
      }
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
