// A labelled progress bar (role=progressbar); without a value it shows as indeterminate.
import './controls.css'

export interface ProgressBarProps {
  /** The accessible name, e.g. "Pull progress of llama3.2:1b". */
  label: string
  /** 0–100, or null when the total is not known yet. */
  percent: number | null
  /** What assistive tech reads instead of the bare percentage, e.g. "1.2 GB of 2.0 GB". */
  valueText?: string
}

export function ProgressBar({ label, percent, valueText }: ProgressBarProps) {
  const known = percent !== null
  return (
    <div
      className={`progress${known ? '' : ' progress-indeterminate'}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={known ? percent : undefined}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" style={{ width: known ? `${percent}%` : undefined }} />
    </div>
  )
}
