// Opens the extension's database (DB_NAME in src/db/schema.ts) while the options page's modules are still
// loading: a plain script with no imports runs before the module graph is fetched, so the browser has the
// database files open by the time Dexie asks (measured on the popup, before it had its own early read:
// interactive ~20–70 ms sooner). It never creates the database, steps aside for any version change, and
// lets go after two seconds.
(() => {
  const request = indexedDB.open('trust-notes');
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => {
    const connection = request.result;
    connection.onversionchange = () => connection.close();
    setTimeout(() => connection.close(), 2000);
  };
  request.onerror = (event) => event.preventDefault();
})();
