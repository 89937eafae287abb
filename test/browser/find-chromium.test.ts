/** scripts/find-chromium.js: which browser the browser tests and the bench drive, in order, with fake paths. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, BASE_ARGS, LEFT_OUT_BUNDLED_ARGS } = require("../../scripts/find-chromium") as {
  findChromium(deps: Deps): Promise<{ executablePath: string; args: string[]; source: string }>;
  BASE_ARGS: string[];
  LEFT_OUT_BUNDLED_ARGS: Set<string>;
};

interface Deps {
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
  exists(p: string): boolean;
  bundled(): Promise<{ executablePath: string; args: string[] } | null>;
}

const BUNDLED = { executablePath: "/fake/npm-chromium/chromium", args: ["--single-process", "--no-zygote", "--disable-web-security", "--allow-running-insecure-content", "--no-sandbox"] };

function deps(platform: string, files: string[], env: Record<string, string> = {}, bundled: typeof BUNDLED | null = BUNDLED): Deps & { bundledCalls: number } {
  const d = {
    env,
    platform,
    arch: "x64",
    exists: (p: string) => files.includes(p),
    bundledCalls: 0,
    bundled: async () => {
      d.bundledCalls++;
      return bundled;
    },
  };
  return d;
}

const WIN_ENV = { LOCALAPPDATA: "C:\\Users\\li\\AppData\\Local", PROGRAMFILES: "C:\\Program Files", "PROGRAMFILES(X86)": "C:\\Program Files (x86)" };

describe("findChromium: the order", () => {
  test.each<[string, string, string[], Record<string, string>, string, string]>([
    // case, platform, files that exist, environment, chosen path, rule
    ["JIXIAO_CHROMIUM first, even with a system browser", "linux", ["/opt/my/chrome", "/usr/bin/chromium"], { JIXIAO_CHROMIUM: "/opt/my/chrome" }, "/opt/my/chrome", "JIXIAO_CHROMIUM"],
    ["Debian's Chromium", "linux", ["/usr/bin/chromium", "/usr/bin/google-chrome"], {}, "/usr/bin/chromium", "system"],
    ["Ubuntu's chromium-browser", "linux", ["/usr/bin/chromium-browser"], {}, "/usr/bin/chromium-browser", "system"],
    ["Chrome on Linux", "linux", ["/opt/google/chrome/chrome"], {}, "/opt/google/chrome/chrome", "system"],
    ["Edge on Linux", "linux", ["/opt/microsoft/msedge/msedge"], {}, "/opt/microsoft/msedge/msedge", "system"],
    ["Chrome on macOS", "darwin", ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"], { HOME: "/Users/li" }, "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "system"],
    ["Edge in the user's Applications on macOS", "darwin", ["/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"], { HOME: "/Users/li" }, "/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge", "system"],
    ["Chrome per user on Windows before Edge", "win32", ["C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"], WIN_ENV, "C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe", "system"],
    ["Edge, which every Windows 10/11 has", "win32", ["C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"], WIN_ENV, "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe", "system"],
    ["no system browser on Linux: the npm package's Chromium", "linux", [], {}, "/fake/npm-chromium/chromium", "@sparticuz/chromium"],
    ["a Windows path means nothing on Linux", "linux", ["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"], {}, "/fake/npm-chromium/chromium", "@sparticuz/chromium"],
    ["JIXIAO_CHROMIUM_SOURCE=bundled: the npm package's Chromium although a system one is there", "linux", ["/usr/bin/chromium"], { JIXIAO_CHROMIUM_SOURCE: "bundled" }, "/fake/npm-chromium/chromium", "@sparticuz/chromium"],
    ["JIXIAO_CHROMIUM_SOURCE=system: the system's", "linux", ["/usr/bin/chromium"], { JIXIAO_CHROMIUM_SOURCE: "system" }, "/usr/bin/chromium", "system"],
    ["JIXIAO_CHROMIUM still wins over JIXIAO_CHROMIUM_SOURCE", "linux", ["/opt/my/chrome", "/usr/bin/chromium"], { JIXIAO_CHROMIUM: "/opt/my/chrome", JIXIAO_CHROMIUM_SOURCE: "bundled" }, "/opt/my/chrome", "JIXIAO_CHROMIUM"],
  ])("%s", async (_case, platform, files, env, chosen, source) => {
    const d = deps(platform, files, env);
    const found = await findChromium(d);
    expect({ path: found.executablePath, source: found.source }).toEqual({ path: chosen, source });
    // the npm Chromium is unpacked only when nothing else is there
    expect(d.bundledCalls).toBe(source === "@sparticuz/chromium" ? 1 : 0);
  });

  test("a JIXIAO_CHROMIUM that is not there is an error naming it, not a silent fall-back", async () => {
    await expect(findChromium(deps("linux", ["/usr/bin/chromium"], { JIXIAO_CHROMIUM: "/nowhere/chrome" }))).rejects.toThrow("JIXIAO_CHROMIUM=/nowhere/chrome is not a file");
  });

  test.each<[string, string[], Record<string, string>, typeof BUNDLED | null, string]>([
    ["linux", [], { JIXIAO_CHROMIUM_SOURCE: "system" }, BUNDLED, "JIXIAO_CHROMIUM_SOURCE=system: none of /usr/bin/chromium"],
    ["linux", ["/usr/bin/chromium"], { JIXIAO_CHROMIUM_SOURCE: "bundled" }, null, "JIXIAO_CHROMIUM_SOURCE=bundled: the Chromium of @sparticuz/chromium is not installed"],
    ["darwin", [], { JIXIAO_CHROMIUM_SOURCE: "bundled", HOME: "/Users/li" }, null, "runs on Linux x64 only (this is darwin x64)"],
    ["linux", ["/usr/bin/chromium"], { JIXIAO_CHROMIUM_SOURCE: "npm" }, BUNDLED, "JIXIAO_CHROMIUM_SOURCE=npm: use system"],
  ])("%s, %j, %j: a chosen source that is not there is an error, never a silent fall-back to the other", async (platform, files, env, bundled, says) => {
    await expect(findChromium(deps(platform, files, env, bundled))).rejects.toThrow(says);
  });

  test.each([
    ["darwin", "Install Chrome, Edge or Chromium"],
    ["win32", "runs on Linux x64 only (this is win32 x64)"],
    ["linux", "@sparticuz/chromium is not installed (run npm install)"],
  ])("%s with no browser at all: an error that says what was looked for and what to do", async (platform, says) => {
    await expect(findChromium(deps(platform, [], platform === "win32" ? WIN_ENV : { HOME: "/Users/li" }, null))).rejects.toThrow(says);
  });

  test("the npm Chromium launches with its own flags, less those that would turn off what the tests check or crash a second context", async () => {
    const found = await findChromium(deps("linux", []));
    expect(found.args).toEqual(expect.arrayContaining(["--no-zygote", ...BASE_ARGS]));
    for (const flag of ["--single-process", "--disable-web-security", "--allow-running-insecure-content"]) expect(found.args).not.toContain(flag);
    for (const flag of LEFT_OUT_BUNDLED_ARGS) expect(found.args).not.toContain(flag);
    expect(new Set(found.args).size).toBe(found.args.length);
  });
});
