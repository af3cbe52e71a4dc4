// Work spread over a few tabs of one browser context: each tab takes the next item when it is
// done with its last, and the results come back in the items' order, whichever tab did them.

import type { BrowserContext, Page } from "playwright-core";

export async function inTabs<T, R>(context: BrowserContext, items: readonly T[], tabs: number, work: (page: Page, item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(tabs, items.length)) }, async () => {
      const page = await context.newPage();
      try {
        while (next < items.length) {
          const index = next++;
          results[index] = await work(page, items[index] as T, index);
        }
      } finally {
        await page.close();
      }
    }),
  );
  return results;
}
