/** Component tests: DOM matchers such as toBeInTheDocument / toHaveAccessibleName. */
import '@testing-library/jest-dom';
