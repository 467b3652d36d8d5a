export default async function globalTeardown(): Promise<void> {
  await globalThis.__LEDGER_TEST_POSTGRES__?.stop();
}
