"""The Qt-free core: validation, errors, authentication, the POPBiLL client and the invoice look-ups.

Nothing below this package imports Qt, so the window, the command line and the batch runner share it and
it is tested without a display.
"""
