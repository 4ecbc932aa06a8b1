/**
 * Errors thrown by the fake. `FakeOfficeError` mimics `OfficeExtension.Error` (name "RichApi.Error", a
 * `code` from `Excel.ErrorCodes`, `debugInfo`), so adapter code that inspects `err.code` behaves as in Excel.
 * `FakeNotModelledError` means the test used something the fake does not model: never a silent success.
 */

export type FakeErrorCode =
  | 'AccessDenied'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'ValueNotLoaded'
  | 'ResponsePayloadSizeLimitExceeded';

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export class FakeNotModelledError extends Error {
  constructor(what: string) {
    super(`FakeExcel: ${what} is not modelled by the fake (test/excel/fake). Model it or avoid it.`);
    this.name = 'FakeNotModelledError';
  }
}

export function propertyNotLoaded(className: string, prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method ` +
      `on the containing object and call "context.sync()" on the associated request context.`,
    `${className}.${prop}`,
  );
}
