import { describe, expect, it } from "vitest";
import { lazyPort } from "../src/lazy-port";

interface Counter {
  add(n: number): Promise<number>;
  total(): Promise<number>;
}

function counter(): Counter {
  let sum = 0;
  return {
    async add(n) {
      sum += n;
      return sum;
    },
    async total() {
      return sum;
    },
  };
}

describe("lazyPort", () => {
  it("loads the adapter on the first call only, and forwards calls with their arguments and this", async () => {
    let loads = 0;
    const port = lazyPort(async () => {
      loads++;
      return counter();
    });
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([port.add(2), port.add(3)]);
    expect([a, b]).toEqual([2, 5]);
    expect(await port.total()).toBe(5);
    expect(loads).toBe(1);
  });

  it("is not a thenable, so awaiting the port itself does not load anything", async () => {
    let loads = 0;
    const port = lazyPort(async () => {
      loads++;
      return counter();
    });
    expect(await Promise.resolve(port)).toBe(port);
    expect(loads).toBe(0);
  });

  it("passes a load failure to the caller", async () => {
    const port = lazyPort<Counter>(async () => {
      throw new Error("no adapter");
    });
    await expect(port.total()).rejects.toThrow("no adapter");
  });
});
