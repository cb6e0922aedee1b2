// PostGraphile 5 calls Promise.withResolvers (Node 22); loaded with --import into its process only.
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new this((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
};
