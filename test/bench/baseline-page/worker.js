// An empty worker, so the bench finds this extension's id the same way as Trust Notes'.
