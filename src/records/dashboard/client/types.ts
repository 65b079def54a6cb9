/** The page's numbers as the server embeds them (DashboardData in ../data.ts, read as JSON). */
export interface ClientRow {
  key: string
  records: number
  outcomes: { acceptAll: number; rejectAll: number; custom: number; optOut: number; gpc: number }
  consentRate: Record<string, number>
  gpcShare: number
}

export interface ClientData {
  range: { from: string; to: string }
  day: ClientRow[]
  region: ClientRow[]
  method: ClientRow[]
}
