/**
 * Settings for structured extraction. Extraction only fires where both the page is opted in
 * and the content has the exact shape, so ordinary bold-label lists and tables stay text.
 */
export interface ExtractionConfig {
  responsibilities: {
    /** Turn responsibility extraction on or off. */
    enabled: boolean
    /**
     * A page is opted in when its title or file path matches one of these. Sections of other
     * pages are never extracted, however they look.
     */
    pages: RegExp[]
    /** Within an opted-in page, an h2 section is an area when its heading text matches one. */
    sections: RegExp[]
    /** Fewest bold-label items a section's list needs to become an area. */
    minItems: number
  }
  tools: {
    /** Turn tool-table extraction on or off. */
    enabled: boolean
    /** Header rows (category column, tools column) that mark a tool table; compared case-insensitively. */
    headers: Array<[string, string]>
    /** Separator between tool names in the tools column. */
    separator: string
  }
}

/** Defaults: they fire on the seed page ("Core Responsibilities …", "Tool Type | Examples"). */
export const defaultExtraction: ExtractionConfig = {
  responsibilities: {
    enabled: true,
    pages: [/\bresponsibilit(?:y|ies)\b/i],
    sections: [/./],
    minItems: 2,
  },
  tools: {
    enabled: true,
    headers: [
      ['Tool Type', 'Examples'],
      ['Tool Category', 'Tools'],
    ],
    separator: ',',
  },
}

/** Settings as callers give them: any part may be left out and comes from the defaults. */
export type ExtractionOptions = {
  [K in keyof ExtractionConfig]?: Partial<ExtractionConfig[K]>
}

/** Fills missing settings from the defaults. */
export function resolveExtraction(config: ExtractionOptions | undefined): ExtractionConfig {
  return {
    responsibilities: {...defaultExtraction.responsibilities, ...config?.responsibilities},
    tools: {...defaultExtraction.tools, ...config?.tools},
  }
}
