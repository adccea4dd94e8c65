// What the content area shows while a screen's code is being fetched (usually a few milliseconds).
export function ScreenLoading({ label }: { label: string }) {
  return (
    <section className="screen" aria-busy="true" aria-label={label}>
      <p className="screen-loading" role="status">
        Loading {label}…
      </p>
    </section>
  )
}
