#!/bin/sh
# Install SupportDesk for the current user, no root needed:  ./install.sh
# Remove it again (the data in ~/.local/share/SupportDesk stays):  ./install.sh --uninstall
# PREFIX=/some/dir ./install.sh installs elsewhere (default ~/.local).
set -eu

APP_ID=io.github.supportdesk.SupportDesk
PREFIX=${PREFIX:-$HOME/.local}
HERE=$(cd "$(dirname "$0")" && pwd)
APP_DIR=$PREFIX/lib/supportdesk
SHARE=$PREFIX/share

refresh_caches() {
    # Menus and icon themes pick the change up without a new login where these tools exist.
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
}

remove_files() {
    rm -rf "$APP_DIR"
    rm -f "$PREFIX/bin/supportdesk" \
        "$SHARE/applications/$APP_ID.desktop" \
        "$SHARE/metainfo/$APP_ID.metainfo.xml"
    find "$SHARE/icons/hicolor" -name "$APP_ID.*" -type f -delete 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    remove_files
    refresh_caches
    echo "Đã gỡ SupportDesk. Dữ liệu trong ~/.local/share/SupportDesk được giữ lại."
    echo "SupportDesk removed. Your data in ~/.local/share/SupportDesk was kept."
    exit 0
fi

remove_files  # an upgrade replaces the program files, never the data
mkdir -p "$APP_DIR" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
cp -R "$HERE/supportdesk" "$HERE/_internal" "$APP_DIR/"
cp "$HERE/install.sh" "$APP_DIR/"
ln -sf "$APP_DIR/supportdesk" "$PREFIX/bin/supportdesk"
# An absolute Exec: ~/.local/bin is not on every desktop session's PATH.
sed "s|^Exec=supportdesk|Exec=$APP_DIR/supportdesk|" \
    "$HERE/share/applications/$APP_ID.desktop" >"$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -R "$HERE/share/icons" "$SHARE/"
refresh_caches
echo "Đã cài SupportDesk vào $APP_DIR (mở từ menu ứng dụng, hoặc chạy: supportdesk)."
echo "SupportDesk installed in $APP_DIR (open it from the applications menu, or run: supportdesk)."
