export function Panel({
  title,
  children,
  testId,
}: {
  title: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="mb-3 flex items-center gap-2 font-semibold">{title}</h2>
      {children}
    </section>
  );
}
