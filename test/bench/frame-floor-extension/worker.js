// An (empty) worker, so the bench harness finds the extension id the same way for every extension.
