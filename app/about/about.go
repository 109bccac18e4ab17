// Package about says which program this is: its name, version and the id
// it is known by to the system. main.go, the command line (--version), the
// window (About Mixplan) and the packaging metadata (FyneApp.toml, checked
// by a test) all read it here, so a release changes one line.
package about

// Name is the program's name.
const Name = "Mixplan"

// Version is Mixplan's version, shown by --version and in the window's About box.
const Version = "0.1.0"

// AppID names Mixplan to the system: preferences live under
// ~/.config/fyne/<AppID>/ on Linux.
const AppID = "com.mixplan.desktop"
