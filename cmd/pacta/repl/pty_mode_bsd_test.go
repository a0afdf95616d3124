//go:build darwin || freebsd || netbsd || openbsd

package repl

import "golang.org/x/sys/unix"

// signalsOff reports whether the terminal behind fd has ISIG off, as
// liner sets it while it reads a line.
func signalsOff(fd int) (bool, error) {
	tio, err := unix.IoctlGetTermios(fd, unix.TIOCGETA)
	if err != nil {
		return false, err
	}
	return tio.Lflag&unix.ISIG == 0, nil
}
