import { GasObject, SERVICE } from './boundary';
import { badArguments } from './errors';

/** One property store (script, user or document). Values are strings: setProperty('n', 5) stores "5". */
export class FakeProperties extends GasObject {
  readonly [SERVICE] = 'Properties';
  constructor(readonly $store: Map<string, string>) {
    super();
  }
  getProperty(key: string): string | null {
    return this.$store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    if (key === undefined || key === null) throw badArguments('PropertiesService.Properties.setProperty', [key, value]);
    this.$store.set(String(key), String(value));
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.$store.clear();
    for (const [key, value] of Object.entries(properties)) this.$store.set(key, String(value));
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.$store);
  }
  getKeys(): string[] {
    return [...this.$store.keys()];
  }
  deleteProperty(key: string): this {
    this.$store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this.$store.clear();
    return this;
  }
}

export interface PropertyStores {
  script: Map<string, string>;
  document: Map<string, string>;
  user: Map<string, string>;
}

export class FakePropertiesService extends GasObject {
  readonly [SERVICE] = 'PropertiesService';
  constructor(readonly $stores: PropertyStores) {
    super();
  }
  getScriptProperties(): FakeProperties {
    return new FakeProperties(this.$stores.script);
  }
  getUserProperties(): FakeProperties {
    return new FakeProperties(this.$stores.user);
  }
  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this.$stores.document);
  }
}
