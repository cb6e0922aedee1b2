/** The outcome of something the person just did, announced politely. */
export function Notice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="status" className="alert success">
      {message}
    </p>
  );
}
