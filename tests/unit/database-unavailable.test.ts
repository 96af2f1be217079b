import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

// Which failures send a webhook to the spool: the database away, never a fault of the query or the data.

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("says yes for a refused, reset or timed-out connection, a shutdown, a failover's read-only server, a full server", () => {
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("refused", "ECONNREFUSED")], "all addresses failed"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("the database system is starting up", "57P03"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("cannot execute INSERT in a read-only transaction", "25006"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("sorry, too many clients already", "53300"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("sees through Prisma's errors, whose cause is a plain object", () => {
    expect(isDatabaseUnavailable(withCode("Can't reach database server", "P1001"))).toBe(true);
    const adapter = Object.assign(new Error("Invalid `db.rawEvent.update()` invocation"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection" } } },
    });
    expect(isDatabaseUnavailable(adapter)).toBe(true);
    // What Prisma 7 throws for a stopped server, as seen on `npm start` with its Postgres killed.
    const unreachable = Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:54339`"), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 54339 } } },
    });
    expect(isDatabaseUnavailable(unreachable)).toBe(true);
  });

  it("says no for faults of the query or the data, which must not be spooled forever", () => {
    expect(isDatabaseUnavailable(withCode("unsupported Unicode escape sequence", "22P05"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("duplicate key value violates unique constraint", "23505"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("Unique constraint failed", "P2002"))).toBe(false);
    const constraint = Object.assign(new Error("Raw query failed"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } },
    });
    expect(isDatabaseUnavailable(constraint)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
