/** Component tests: DOM matchers such as toBeInTheDocument / toHaveAccessibleName. */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A lazily loaded view is transformed on first import; on a loaded 2-core machine that alone can
// pass Testing Library's 1 s default for findBy…, so waits get 5 s (they still end at the first match).
configure({ asyncUtilTimeout: 5000 });
