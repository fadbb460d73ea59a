// Registers the sa11y accessibility matcher: `await expect(element).toBeAccessible()` (as lwc-recipes does).
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
