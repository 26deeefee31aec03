/**
 * The richer features of the host the pane works on (Office: by the ExcelApi sets of this Excel),
 * asked once per host; undefined until known, or where the host lists none.
 */
import { useEffect, useState } from "react";
import type { HostFeature, WorkbookHost } from "../hosts/host";

export function useHostFeatures(
  host: WorkbookHost | undefined
): readonly HostFeature[] | undefined {
  const [features, setFeatures] = useState<readonly HostFeature[] | undefined>(undefined);
  useEffect(() => {
    setFeatures(undefined);
    if (!host?.features) return;
    let current = true;
    host.features().then(
      (f) => {
        if (current) setFeatures(f);
      },
      () => undefined // unknown: nothing is hidden, nothing is explained
    );
    return () => {
      current = false;
    };
  }, [host]);
  return features;
}

/** The feature `id` when the host says it is missing (with its reason), else undefined. */
export function missingFeature(
  features: readonly HostFeature[] | undefined,
  id: string
): HostFeature | undefined {
  return features?.find((f) => f.id === id && !f.available);
}
