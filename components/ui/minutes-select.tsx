import { Select } from "./field";

type Props = React.SelectHTMLAttributes<HTMLSelectElement> & {
  minutes: readonly number[];
  /** A first option with the value "" (no choice, or the default). */
  emptyLabel?: string;
  label?: (minutes: number) => string;
};

/** A choice of durations in minutes: due times, cadences, next-update delays. */
export function MinutesSelect({
  minutes,
  emptyLabel,
  label = (m) => `In ${m} min`,
  ...props
}: Props) {
  return (
    <Select {...props}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {minutes.map((m) => (
        <option key={m} value={m}>
          {label(m)}
        </option>
      ))}
    </Select>
  );
}
