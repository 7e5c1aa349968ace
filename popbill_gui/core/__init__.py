"""The Qt-free core: validation, errors, authentication and the POPBiLL client.

Nothing below this package imports Qt, so the window, the command line and the batch runner share it and
it is tested without a display.
"""
