// Run inside an extension page (Chromium's or Firefox's): fetches `${origin}/collect` and loads `${origin}/pixel.gif`
// as an image, and reports what happened with the securitypolicyviolation event each raised, if any. Self-contained,
// since both Playwright and Puppeteer send the function's source to the page.
export async function reachOutside(
  origin: string,
): Promise<{ fetched: string; connect: string; image: string }> {
  const violation = (directive: string) =>
    new Promise<string>((resolve) => {
      setTimeout(() => resolve(`no ${directive} violation`), 5_000);
      const listener = (e: SecurityPolicyViolationEvent) => {
        if (e.effectiveDirective !== directive) return;
        document.removeEventListener('securitypolicyviolation', listener);
        resolve(`${e.effectiveDirective} ${e.blockedURI}`);
      };
      document.addEventListener('securitypolicyviolation', listener);
    });
  const connect = violation('connect-src');
  const fetched = await fetch(`${origin}/collect?notes=1`).then(
    () => 'fetched',
    (e: unknown) => `refused: ${String(e)}`,
  );
  const image = violation('img-src');
  const img = document.createElement('img');
  img.src = `${origin}/pixel.gif`;
  document.body.append(img);
  return { fetched, connect: await connect, image: await image };
}
