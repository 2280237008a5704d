import type { FormEvent } from 'react';

/**
 * A form's submit handler that keeps what the person typed. A function given as a form's
 * `action` makes React reset the form's fields once it returns — refused by the server or not —
 * so everything typed would be lost on a field error or a duplicate.
 */
export const submitKeepingInput = (handle: (form: FormData) => void) => (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  handle(new FormData(event.currentTarget));
};
