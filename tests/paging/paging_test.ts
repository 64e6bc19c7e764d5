import assert from "node:assert/strict";
import { type FetchedPage, PagedIterable, type PageRequest } from "../../scim/paging.ts";

interface Item {
  id: string;
}

/** A list served the way Slack serves one: a window at an offset, with a hook to change it between pages. */
function listServer(
  items: Item[],
  options: { between?: (call: number, list: Item[]) => void; totalResults?: number } = {},
) {
  const requests: PageRequest[] = [];
  const fetchPage = (request: PageRequest): Promise<FetchedPage<Item>> => {
    options.between?.(requests.length, items);
    requests.push(request);
    const start = request.startIndex - 1;
    return Promise.resolve({
      items: items.slice(start, start + Math.min(request.count, 1000)),
      totalResults: options.totalResults ?? items.length,
    });
  };
  return { fetchPage, requests };
}

const ids = (n: number, prefix = "U"): Item[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(6, "0")}` }));

async function walk(iterable: PagedIterable<Item>): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of iterable) seen.push(item.id);
  return seen;
}

Deno.test("PagedIterable yields every item once across full and short pages", async () => {
  const list = ids(2501);
  const server = listServer(list);
  const seen = await walk(
    new PagedIterable(server.fetchPage, { pageSize: 1000, idOf: (i) => i.id }),
  );
  assert.deepEqual(seen, list.map((i) => i.id));
  // Pages 2 and 3 start on the previous page's last item (the anchor).
  assert.deepEqual(server.requests.map((r) => r.startIndex), [1, 1000, 1999]);
});

Deno.test("PagedIterable stops on a short page even when totalResults claims more", async () => {
  const server = listServer(ids(15), { totalResults: 1_000_000 });
  const seen = await walk(new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id }));
  assert.equal(seen.length, 15);
  assert.equal(server.requests.length, 2);
});

Deno.test("PagedIterable stops on an empty page when the list is an exact multiple", async () => {
  const server = listServer(ids(20));
  const seen = await walk(new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id }));
  assert.equal(seen.length, 20);
  assert.equal(new Set(seen).size, 20);
});

Deno.test("PagedIterable yields nobody twice when users are inserted before the cursor", async () => {
  const list = ids(50);
  const server = listServer(list, {
    between: (call, items) => {
      if (call === 2) items.splice(3, 0, { id: "NEW1" }, { id: "NEW2" }); // before the cursor
    },
  });
  const seen = await walk(new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id }));
  assert.equal(new Set(seen).size, seen.length, "no duplicates");
  for (const item of ids(50)) assert.ok(seen.includes(item.id), `${item.id} yielded`);
});

Deno.test("PagedIterable skips nobody when items before the cursor are deleted", async () => {
  const list = ids(50);
  const server = listServer(list, {
    between: (call, items) => {
      if (call === 2) items.splice(2, 4); // 4 items already yielded disappear
    },
  });
  const seen = await walk(new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id }));
  assert.equal(new Set(seen).size, seen.length, "no duplicates");
  for (const item of list) assert.ok(seen.includes(item.id), `${item.id} yielded`);
  assert.equal(seen.length, 50);
});

Deno.test("PagedIterable skips nobody when the anchor item itself is deleted", async () => {
  const list = ids(30);
  const server = listServer(list, {
    between: (call, items) => {
      if (call === 1) items.splice(9, 1); // the last item of page 1
    },
  });
  const seen = await walk(new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id }));
  assert.deepEqual(new Set(seen), new Set(ids(30).map((i) => i.id)));
  assert.equal(seen.length, 30);
});

Deno.test("PagedIterable throws instead of looping when the server ignores startIndex", async () => {
  const list = ids(100);
  // Honours count, always answers from the top.
  const iterable = new PagedIterable<Item>(
    ({ count }) => Promise.resolve({ items: list.slice(0, count), totalResults: 100 }),
    { pageSize: 10, idOf: (i) => i.id },
  );
  await assert.rejects(walk(iterable), /kept moving|no new items/);
});

Deno.test("PagedIterable ends, without repeating anyone, when the server ignores startIndex and count", async () => {
  const page = ids(10);
  const iterable = new PagedIterable<Item>(
    () => Promise.resolve({ items: page, totalResults: 100 }),
    { pageSize: 10, idOf: (i) => i.id },
  );
  const seen = await walk(iterable);
  assert.deepEqual(seen, page.map((i) => i.id));
});

Deno.test("PagedIterable with pageSize 1 walks the list one new item per request", async () => {
  const server = listServer(ids(5));
  const seen = await walk(new PagedIterable(server.fetchPage, { pageSize: 1, idOf: (i) => i.id }));
  assert.deepEqual(seen, ids(5).map((i) => i.id));
  assert.deepEqual(server.requests.map((r) => [r.startIndex, r.count]), [
    [1, 1],
    [1, 2],
    [2, 2],
    [3, 2],
    [4, 2],
    [5, 2],
  ]);
});

Deno.test("PagedIterable.pages() yields pages with their startIndex", async () => {
  const server = listServer(ids(25));
  const pages = [];
  for await (
    const page of new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id }).pages()
  ) {
    pages.push({ startIndex: page.startIndex, n: page.items.length, total: page.totalResults });
  }
  assert.deepEqual(pages, [
    { startIndex: 1, n: 10, total: 25 },
    // Later pages start on the previous page's last item (not yielded again) and ask for one more.
    { startIndex: 10, n: 10, total: 25 },
    { startIndex: 20, n: 5, total: 25 },
  ]);
});

Deno.test("PagedIterable.collect() stops at its limit without fetching further pages", async () => {
  const server = listServer(ids(100));
  const got = await new PagedIterable(server.fetchPage, { pageSize: 10, idOf: (i) => i.id })
    .collect(15);
  assert.equal(got.length, 15);
  assert.equal(server.requests.length, 2);
});

Deno.test("PagedIterable stops when its signal is aborted and passes it to each page", async () => {
  const controller = new AbortController();
  const server = listServer(ids(100));
  const iterable = new PagedIterable(server.fetchPage, {
    pageSize: 10,
    idOf: (i) => i.id,
    signal: controller.signal,
  });
  const seen: string[] = [];
  await assert.rejects(async () => {
    for await (const item of iterable) {
      seen.push(item.id);
      if (seen.length === 12) controller.abort();
    }
  }, { name: "AbortError" });
  assert.equal(server.requests[0]?.signal, controller.signal);
  assert.equal(server.requests.length, 2);
});

Deno.test("PagedIterable refuses a page size Slack would not serve", () => {
  const fetchPage = () => Promise.resolve({ items: [], totalResults: 0 });
  for (const pageSize of [0, -1, 1001, 1.5, Number.NaN]) {
    assert.throws(
      () => new PagedIterable(fetchPage, { pageSize, idOf: () => "" }),
      RangeError,
      `pageSize ${pageSize}`,
    );
  }
});

for (const [first, second] of [[3, 4], [1, 11], [6, 8]]) {
  Deno.test(`PagedIterable yields every id once when ${first} then ${second} items before the cursor are deleted on two consecutive pages`, async () => {
    const list = ids(60);
    const yielded = new Set<string>();
    const server = listServer(list, {
      // Before page 3 (which finds its anchor gone) and again before the step-back page: items
      // already yielded disappear each time.
      between: (call, items) => {
        const gone = call === 2
          ? items.splice(1, first)
          : call === 3
          ? items.splice(1, second)
          : [];
        for (const item of gone) {
          assert.ok(yielded.has(item.id), `${item.id} deleted before it was seen`);
        }
      },
    });
    const seen: string[] = [];
    for await (
      const item of new PagedIterable(server.fetchPage, {
        pageSize: 10,
        idOf: (i) => i.id,
      })
    ) {
      seen.push(item.id);
      yielded.add(item.id);
    }
    assert.equal(new Set(seen).size, seen.length, "no duplicates");
    assert.deepEqual([...seen].sort(), ids(60).map((i) => i.id));
  });
}
