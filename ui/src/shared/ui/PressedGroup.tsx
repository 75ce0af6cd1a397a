/** A group of buttons of which one is pressed (aria-pressed), e.g. a series' interval or its chart/table view. */
export function PressedGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  optionLabel,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (option: T) => void;
  optionLabel: (option: T) => string;
}) {
  return (
    <div className="tabs" role="group" aria-label={label}>
      {options.map((candidate) => (
        <button key={candidate} type="button" aria-pressed={value === candidate} onClick={() => onChange(candidate)}>
          {optionLabel(candidate)}
        </button>
      ))}
    </div>
  );
}
