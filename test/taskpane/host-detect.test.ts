/** Which host the pane runs in: WPS before Office (office.js may be loaded in WPS too), else the browser page. */
import { describe, expect, it } from "vitest";
import { detectHost } from "../../src/taskpane/hostDetect";

describe("detectHost", () => {
  it("picks WPS, Office or the browser page", () => {
    const et = { ActiveWorkbook: null };
    expect(detectHost({ Application: et, Office: {} })).toBe("wps");
    expect(detectHost({ wps: { EtApplication: () => et } })).toBe("wps");
    expect(detectHost({ Office: {} })).toBe("office");
    expect(detectHost({})).toBe("browser");
    expect(detectHost({ Application: undefined, Office: undefined })).toBe("browser");
  });

  it("does not take a thrower or a non-object for WPS", () => {
    const hostile = { get Application(): unknown { throw new Error("no"); } };
    expect(detectHost(hostile)).toBe("browser");
    expect(detectHost({ Application: 42 })).toBe("browser");
  });
});
