// A file's emulator: started before its tests, closed after them, reset before each (and then
// `beforeEachTest`, to restore a mode). The value stands for the emulator once it has started.

interface Resettable {
  reset(): void;
  close(): Promise<void>;
}

export function emulatorSuite<E extends Resettable>(start: () => Promise<E>, beforeEachTest?: (emulator: E) => void): E {
  let current: E | undefined;
  beforeAll(async () => {
    current = await start();
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    current!.reset();
    beforeEachTest?.(current!);
  });
  return new Proxy({} as E, {
    get(_, key) {
      if (!current) throw new Error(`the emulator is used before it started (reading ${String(key)})`);
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
