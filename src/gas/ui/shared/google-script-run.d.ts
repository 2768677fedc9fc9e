/** The part of the client-side `google.script.run` API the pages use. */
interface GoogleScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRun;
  [serverFunction: string]: unknown;
}

declare const google: {
  script: {
    run: GoogleScriptRun;
    host: { close(): void };
  };
};
