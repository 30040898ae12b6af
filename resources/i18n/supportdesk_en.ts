<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>BackgroundWork</name>
    <message>
        <source>Đang gửi báo cáo lên máy chủ tỉnh…</source>
        <translation>Sending reports to the provincial server…</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã thu hồi mã của xã: việc gửi tạm dừng. Vào Cài đặt → Máy chủ tỉnh để đăng ký lại với mã mới.</source>
        <translation>The provincial server revoked this commune&apos;s token: sending is paused. Go to Settings → Provincial server to enroll again with a new code.</translation>
    </message>
    <message>
        <source>Chưa gửi báo cáo lên tỉnh: máy này chưa đăng ký. Vào Cài đặt → Máy chủ tỉnh, nhập mã đăng ký do tỉnh cấp.</source>
        <translation>Reports not sent to the province: this PC is not enrolled. Go to Settings → Provincial hub and enter the enrolment code the province gave you.</translation>
    </message>
    <message>
        <source>Chưa gửi được: {0}</source>
        <translation>Not sent yet: {0}</translation>
    </message>
    <message>
        <source>Đã gửi {0} báo cáo.</source>
        <translation>{0} reports sent.</translation>
    </message>
    <message>
        <source>Đồng bộ lỗi: {0}</source>
        <translation>Sync error: {0}</translation>
    </message>
    <message>
        <source>Đã ẩn danh {0} yêu cầu quá thời hạn lưu giữ.</source>
        <translation>{0} requests past the retention period were anonymised.</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>Giờ làm việc:</source>
        <translation>Office hours:</translation>
    </message>
    <message>
        <source>Dạng 07:30-11:30,13:30-17:00. Ngày lễ, Tết theo luật đã có sẵn.</source>
        <translation>Format 07:30-11:30,13:30-17:00. Public holidays by law are already included.</translation>
    </message>
    <message>
        <source>Ngày nghỉ thêm
(mỗi dòng một ngày,
dd/mm/yyyy):</source>
        <translation>Extra days off
(one day per line,
dd/mm/yyyy):</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Service time</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Thêm chủ đề</source>
        <translation>Add topic</translation>
    </message>
    <message>
        <source>Thời hạn mới áp dụng cho các yêu cầu ghi từ nay.</source>
        <translation>A new service time applies to requests logged from now on.</translation>
    </message>
    <message>
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
</context>
<context>
    <name>CenterForm</name>
    <message>
        <source>Mỗi dòng một người, ví dụ:
Nguyễn Văn An
Trần Thị Bình</source>
        <translation>One person per line, for example:
Nguyễn Văn An
Trần Thị Bình</translation>
    </message>
    <message>
        <source>Tên trung tâm:</source>
        <translation>Center name:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thành viên tổ hỗ trợ:</source>
        <translation>Support team members:</translation>
    </message>
    <message>
        <source>Xã, phường, đặc khu nơi đặt trung tâm:</source>
        <translation>Commune, ward or special zone of the center:</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công {0}</source>
        <translation>Trung tâm Phục vụ hành chính công {0}</translation>
    </message>
    <message>
        <source>Hãy chọn xã, phường nơi đặt trung tâm.</source>
        <translation>Choose the commune or ward of the center.</translation>
    </message>
    <message>
        <source>Hãy nhập ít nhất một thành viên tổ hỗ trợ.</source>
        <translation>Enter at least one support team member.</translation>
    </message>
</context>
<context>
    <name>ChildJob</name>
    <message>
        <source>công việc chạy nền dừng bất thường (mã {0})</source>
        <translation>the background job stopped unexpectedly (code {0})</translation>
    </message>
    <message>
        <source>không chạy được công việc nền: {0}</source>
        <translation>could not start the background job: {0}</translation>
    </message>
</context>
<context>
    <name>CommunePicker</name>
    <message>
        <source>— Tất cả tỉnh, thành phố —</source>
        <translation>— All provinces and cities —</translation>
    </message>
    <message>
        <source>Gõ tên xã, phường (không cần dấu), ví dụ: ba dinh</source>
        <translation>Type a commune or ward name (accents optional), e.g. ba dinh</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Sửa liên hệ</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>Thêm liên hệ</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Cá nhân</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>(tự nhận biết)</source>
        <translation>(detect)</translation>
    </message>
    <message>
        <source>0912 345 678; 024 3823 4567 máy lẻ 12</source>
        <translation>0912 345 678; 024 3823 4567 ext 12</translation>
    </message>
    <message>
        <source>Hộ tịch; Chứng thực (cách nhau bởi ;)</source>
        <translation>Civil status; Certification (separated by ;)</translation>
    </message>
    <message>
        <source>1.001193; 1.000894</source>
        <translation>1.001193; 1.000894</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Họ và tên (hoặc tên cơ quan):</source>
        <translation>Full name (or agency name):</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Phòng ban:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <source>Cơ quan:</source>
        <translation>Agency:</translation>
    </message>
    <message>
        <source>Cấp:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Lĩnh vực phụ trách:</source>
        <translation>Fields handled:</translation>
    </message>
    <message>
        <source>Mã thủ tục phụ trách:</source>
        <translation>Procedure codes handled:</translation>
    </message>
    <message>
        <source>Giờ làm việc:</source>
        <translation>Office hours:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chưa lưu được: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Họ tên / Cơ quan</source>
        <translation>Name / Agency</translation>
    </message>
    <message>
        <source>Chức vụ, nơi làm việc</source>
        <translation>Position, workplace</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>In báo cáo</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Lưu báo cáo PDF…</source>
        <translation>Save report as PDF…</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Đang quá hạn</source>
        <translation>Overdue now</translation>
    </message>
    <message>
        <source>Chuyển cấp trên</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Yêu cầu theo chủ đề</source>
        <translation>Requests by topic</translation>
    </message>
    <message>
        <source>Yêu cầu quá hạn (bấm đúp để mở)</source>
        <translation>Overdue requests (double-click to open)</translation>
    </message>
    <message>
        <source>Khối lượng theo người xử lý</source>
        <translation>Load per team member</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Kỳ: {0} · đang tính…</source>
        <translation>Period: {0} · computing…</translation>
    </message>
    <message>
        <source>Không tính được: {0}</source>
        <translation>Could not compute: {0}</translation>
    </message>
    <message>
        <source>Kỳ: {0}</source>
        <translation>Period: {0}</translation>
    </message>
    <message>
        <source>{0} · hạn {1} · {2}</source>
        <translation>{0} · due {1} · {2}</translation>
    </message>
    <message>
        <source>Không có yêu cầu nào quá hạn.</source>
        <translation>No overdue requests.</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Tài liệu PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Đã lưu báo cáo: {0}</source>
        <translation>Report saved: {0}</translation>
    </message>
    <message>
        <source>Không lưu được báo cáo: {0}</source>
        <translation>Could not save the report: {0}</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <source>Nhập danh bạ</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <source>Danh bạ (*.csv *.xlsx *.vcf *.vcard)</source>
        <translation>Contacts (*.csv *.xlsx *.vcf *.vcard)</translation>
    </message>
    <message>
        <source>Xuất vCard</source>
        <translation>Export vCard</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Lưu tệp mẫu danh bạ</source>
        <translation>Save the contact sheet template</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Tìm: họ tên, cơ quan, lĩnh vực, vài số điện thoại, mã thủ tục…</source>
        <translation>Search: name, agency, field, a few phone digits, procedure code…</translation>
    </message>
    <message>
        <source>Thêm liên hệ</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Nhập tệp…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <source>Chọn tệp danh bạ (.xlsx, .csv, .vcf)…</source>
        <translation>Choose a contact file (.xlsx, .csv, .vcf)…</translation>
    </message>
    <message>
        <source>Lưu tệp mẫu Excel (.xlsx) để điền…</source>
        <translation>Save an Excel template (.xlsx) to fill in…</translation>
    </message>
    <message>
        <source>Mọi cấp</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Mọi tỉnh, thành phố</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>Xuất vCard…</source>
        <translation>Export vCard…</translation>
    </message>
    <message>
        <source>Dừng nhập</source>
        <translation>Stop import</translation>
    </message>
    <message>
        <source>Sao chép số điện thoại</source>
        <translation>Copy phone number</translation>
    </message>
    <message>
        <source>Xoá liên hệ</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <source>Ai phụ trách thủ tục {0} — {1}: {2} liên hệ</source>
        <translation>Who handles procedure {0} — {1}: {2} contacts</translation>
    </message>
    <message>
        <source>Danh bạ có {0} liên hệ. Gõ vài chữ của tên, cơ quan, lĩnh vực hoặc vài số điện thoại để tìm.</source>
        <translation>The directory has {0} contacts. Type part of a name, agency, field or a few phone digits to search.</translation>
    </message>
    <message>
        <source>Chọn một liên hệ để xem chi tiết.</source>
        <translation>Select a contact to see the details.</translation>
    </message>
    <message>
        <source>di động</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>cơ quan</source>
        <translation>office</translation>
    </message>
    <message>
        <source>nhà riêng</source>
        <translation>home</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>fax</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Chức vụ, nơi làm việc</source>
        <translation>Position, workplace</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Mã thủ tục</source>
        <translation>Procedure codes</translation>
    </message>
    <message>
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Xác minh ngày</source>
        <translation>Verified on</translation>
    </message>
    <message>
        <source>Đã sao chép: {0}</source>
        <translation>Copied: {0}</translation>
    </message>
    <message>
        <source>Xoá «{0}» khỏi danh bạ? Các máy khác trong nhóm của xã cũng sẽ xoá.</source>
        <translation>Remove “{0}” from the directory? The commune team’s other desks will remove it too.</translation>
    </message>
    <message>
        <source>Đã xoá liên hệ.</source>
        <translation>Contact removed.</translation>
    </message>
    <message>
        <source>Đã lưu liên hệ.</source>
        <translation>Contact saved.</translation>
    </message>
    <message>
        <source>Đang nhập danh bạ…</source>
        <translation>Importing contacts…</translation>
    </message>
    <message>
        <source>Đã dừng nhập; danh bạ không thay đổi.</source>
        <translation>Import stopped; the directory is unchanged.</translation>
    </message>
    <message>
        <source>Không nhập được: {0}</source>
        <translation>Import failed: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Tìm thấy %n liên hệ</source>
        <translation>
            <numerusform>%n contact found</numerusform>
            <numerusform>%n contacts found</numerusform>
        </translation>
    </message>
    <message>
        <source>Không đọc được tệp: {0}</source>
        <translation>Cannot read the file: {0}</translation>
    </message>
    <message>
        <source>Chưa nhập gì: {0} dòng có lỗi, sửa tệp rồi nhập lại.</source>
        <translation>Nothing imported: {0} rows have errors; fix the file and import again.</translation>
    </message>
    <message>
        <source>• Dòng {0}: {1}</source>
        <translation>• Row {0}: {1}</translation>
    </message>
    <message>
        <source>… và {0} dòng khác</source>
        <translation>… and {0} more rows</translation>
    </message>
    <message>
        <source>Đã nhập: {0} mới, {1} cập nhật, {2} không đổi.</source>
        <translation>Imported: {0} new, {1} updated, {2} unchanged.</translation>
    </message>
    <message>
        <source>Không lưu được tệp mẫu: {0}</source>
        <translation>Could not save the template: {0}</translation>
    </message>
    <message>
        <source>Đã lưu tệp mẫu: {0}. Điền mỗi dòng một người rồi bấm Nhập tệp….</source>
        <translation>Template saved: {0}. Fill in one person per row, then use Import file….</translation>
    </message>
    <message>
        <source>Đã xuất {0} liên hệ ra {1}</source>
        <translation>Exported {0} contacts to {1}</translation>
    </message>
    <message>
        <source>Không xuất được: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Chuyển cấp trên</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Tìm người hoặc cơ quan trong danh bạ (tên, cơ quan, vài số điện thoại). Không có trong danh bạ: ghi tên đơn vị rồi bấm Chuyển.</source>
        <translation>Find a person or agency in the directory (name, agency, a few phone digits). Not in the directory: type the unit&apos;s name and press Escalate.</translation>
    </message>
    <message>
        <source>Tìm trong danh bạ hoặc ghi tên đơn vị…</source>
        <translation>Search the directory or type a unit&apos;s name…</translation>
    </message>
    <message>
        <source>Chuyển</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chưa chọn nơi chuyển đến. ↓ để chọn trong danh bạ.</source>
        <translation>No target chosen yet. Press ↓ to pick from the directory.</translation>
    </message>
    <message>
        <source>Sẽ chuyển đến: {0}</source>
        <translation>Will escalate to: {0}</translation>
    </message>
    <message>
        <source>Sẽ chuyển đến đơn vị ghi tay: {0} (↓ để chọn trong danh bạ)</source>
        <translation>Will escalate to the unit as typed: {0} (↓ to pick from the directory)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Thiết lập lần đầu — SupportDesk</source>
        <translation>First-time setup — SupportDesk</translation>
    </message>
    <message>
        <source>Chào mừng! Hãy chọn đơn vị hành chính nơi tổ hỗ trợ làm việc và nhập tên các thành viên. Có thể sửa lại sau trong Cài đặt.</source>
        <translation>Welcome! Choose the administrative unit where the support team works and enter the members&apos; names. You can change this later in Settings.</translation>
    </message>
    <message>
        <source>Bắt đầu sử dụng</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>Ghi yêu cầu mới</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Người dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Cán bộ, công chức</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>Doanh nghiệp</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Gõ tên hoặc mã thủ tục (không bắt buộc)</source>
        <translation>Type a procedure name or code (optional)</translation>
    </message>
    <message>
        <source>Người dân cần gì? Ví dụ: quên mật khẩu VNeID</source>
        <translation>What is needed? E.g. forgot the VNeID password</translation>
    </message>
    <message>
        <source>Đã giải quyết ngay tại quầy</source>
        <translation>Resolved at the counter</translation>
    </message>
    <message>
        <source>Đã làm gì (không bắt buộc)</source>
        <translation>What was done (optional)</translation>
    </message>
    <message>
        <source>Đối &amp;tượng:</source>
        <translation>&amp;Requester:</translation>
    </message>
    <message>
        <source>&amp;Họ tên:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Điện th&amp;oại:</source>
        <translation>Ph&amp;one:</translation>
    </message>
    <message>
        <source>C&amp;hủ đề:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>Đang ghi tiếp bản nháp chưa lưu.</source>
        <translation>Continuing an unsaved draft.</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Yêu cầu chưa lưu</source>
        <translation>Request not saved</translation>
    </message>
    <message>
        <source>Yêu cầu đang ghi chưa được lưu.</source>
        <translation>The request you are logging has not been saved.</translation>
    </message>
    <message>
        <source>Giữ làm bản nháp thì lần sau bấm Ctrl+N sẽ ghi tiếp.</source>
        <translation>Keep it as a draft and Ctrl+N brings it back.</translation>
    </message>
    <message>
        <source>&amp;Giữ bản nháp</source>
        <translation>&amp;Keep draft</translation>
    </message>
    <message>
        <source>&amp;Bỏ nội dung đã gõ</source>
        <translation>&amp;Discard what was typed</translation>
    </message>
    <message>
        <source>&amp;Tiếp tục ghi</source>
        <translation>&amp;Continue typing</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Hãy ghi nội dung yêu cầu.</source>
        <translation>Write what the request is about.</translation>
    </message>
</context>
<context>
    <name>KbEditor</name>
    <message>
        <source>Sửa bài hướng dẫn</source>
        <translation>Edit article</translation>
    </message>
    <message>
        <source>Bài hướng dẫn mới</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>Mỗi bước một dòng, theo thứ tự</source>
        <translation>One step per line, in order</translation>
    </message>
    <message>
        <source>(không chọn)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Địa chỉ hướng dẫn chính thức hoặc đơn vị</source>
        <translation>URL of the official guidance, or the unit</translation>
    </message>
    <message>
        <source>Tiêu đề:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Dấu hiệu:</source>
        <translation>Symptoms:</translation>
    </message>
    <message>
        <source>Cách xử lý:</source>
        <translation>Fix:</translation>
    </message>
    <message>
        <source>Chủ đề:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Hệ thống:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>Dành cho:</source>
        <translation>Audience:</translation>
    </message>
    <message>
        <source>Nguồn:</source>
        <translation>Source:</translation>
    </message>
</context>
<context>
    <name>KbPage</name>
    <message>
        <source>Tìm bài: gõ như người dân nói, có dấu hay không</source>
        <translation>Find an article: type as people say it, accents optional</translation>
    </message>
    <message>
        <source>Bài hướng dẫn</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gợi ý</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Áp dụng</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Xong đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Thêm bài</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Đăng</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Gỡ bài</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>In phiếu A5</source>
        <translation>Print A5 sheet</translation>
    </message>
    <message>
        <source>In phiếu 80 mm</source>
        <translation>Print 80 mm sheet</translation>
    </message>
    <message>
        <source>Đề xuất lên tỉnh</source>
        <translation>Propose to the province</translation>
    </message>
    <message>
        <source>Không tìm thấy chính xác — kết quả gần đúng</source>
        <translation>No exact match — nearest results</translation>
    </message>
    <message>
        <source>Đã lưu: %s</source>
        <translation>Saved: %s</translation>
    </message>
    <message>
        <source>Đã xếp bài vào hộp thư đi để gửi tỉnh: %s</source>
        <translation>Queued for the province: %s</translation>
    </message>
</context>
<context>
    <name>KbRequestPanel</name>
    <message>
        <source>Tạo bài từ yêu cầu này</source>
        <translation>Make an article from this request</translation>
    </message>
    <message>
        <source>Bài đã áp dụng:</source>
        <translation>Article applied:</translation>
    </message>
    <message>
        <source>Đã tạo bản nháp: %s</source>
        <translation>Draft made: %s</translation>
    </message>
</context>
<context>
    <name>KbSuggestions</name>
    <message>
        <source>Đã áp dụng (Alt+1…3 để đổi):</source>
        <translation>Applied (Alt+1…3 to change):</translation>
    </message>
    <message>
        <source>Gợi ý (Alt+1…3):</source>
        <translation>Suggested (Alt+1…3):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SupportDesk — Tổ hỗ trợ kỹ thuật</source>
        <translation>SupportDesk — Technical support team</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Trợ giú&amp;p</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Chữ to hơn</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Chữ nhỏ hơn</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Tìm nhanh…</source>
        <translation>Quick search…</translation>
    </message>
    <message>
        <source>Ghi yêu cầu mới</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Đồng &amp;bộ</source>
        <translation>Sy&amp;nc</translation>
    </message>
    <message>
        <source>Đã mở tài liệu để in: {0}</source>
        <translation>Opened for printing: {0}</translation>
    </message>
    <message>
        <source>Đã lưu tài liệu: {0}. Máy chưa có chương trình xem PDF nên chưa in được; hãy cài một trình xem PDF hoặc mở tệp bằng trình duyệt web.</source>
        <translation>Saved: {0}. This PC has no PDF viewer, so nothing was printed; install a PDF viewer or open the file in a web browser.</translation>
    </message>
    <message>
        <source>Gửi ngay</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Hộp thư đi…</source>
        <translation>Outbox…</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>đến %s</source>
        <translation>until %s</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Người trực</source>
        <translation>Operator on duty</translation>
    </message>
    <message>
        <source>Ai đang trực quầy hôm nay?</source>
        <translation>Who is at the counter today?</translation>
    </message>
    <message>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Chờ gửi</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Đang gửi</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Đã thay bằng bản mới</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>Hộp thư đi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Tạm dừng: máy chủ tỉnh đã thu hồi mã của xã. Vào Cài đặt → Máy chủ tỉnh để đăng ký lại.</source>
        <translation>Paused: the provincial server revoked this commune&apos;s token. Go to Settings → Provincial server to enroll again.</translation>
    </message>
    <message>
        <source>Lần gửi gần nhất: {0}</source>
        <translation>Last attempt: {0}</translation>
    </message>
    <message>
        <source>Kỳ báo cáo</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Lần</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Chưa có báo cáo nào.</source>
        <translation>No reports yet.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Tuần này</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Tháng này</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Tháng trước</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>Chọn tháng…</source>
        <translation>Pick a month…</translation>
    </message>
    <message>
        <source>Chọn quý…</source>
        <translation>Pick a quarter…</translation>
    </message>
    <message>
        <source>Chọn năm…</source>
        <translation>Pick a year…</translation>
    </message>
    <message>
        <source>Khoảng ngày…</source>
        <translation>Range of days…</translation>
    </message>
    <message>
        <source>Tháng {0}</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>Quý {0}</source>
        <translation>Quarter {0}</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Đang tạo tài liệu để in…</source>
        <translation>Preparing the document to print…</translation>
    </message>
    <message>
        <source>Không tạo được tài liệu: {0}</source>
        <translation>Could not create the document: {0}</translation>
    </message>
</context>
<context>
    <name>ProcedureDetail</name>
    <message>
        <source>Sao chép nội dung</source>
        <translation>Copy as text</translation>
    </message>
    <message>
        <source>In hướng dẫn (Ctrl+P)</source>
        <translation>Print handout (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ghi yêu cầu về thủ tục này</source>
        <translation>Log a request about this procedure</translation>
    </message>
    <message>
        <source>Mở trên Cổng DVC</source>
        <translation>Open on the public service portal</translation>
    </message>
    <message>
        <source>Bỏ đánh dấu</source>
        <translation>Clear ticks</translation>
    </message>
    <message>
        <source>Ai phụ trách?</source>
        <translation>Who handles it?</translation>
    </message>
    <message>
        <source>Hồ sơ cần chuẩn bị (đánh dấu giấy tờ đã có):</source>
        <translation>Papers to prepare (tick what the citizen has):</translation>
    </message>
    <message>
        <source>Đánh dấu giấy tờ đã có trong danh sách bên dưới.</source>
        <translation>Tick the papers the citizen already has in the list below.</translation>
    </message>
    <message>
        <source>Chọn một thủ tục trong danh sách để xem chi tiết.</source>
        <translation>Choose a procedure in the list to see its details.</translation>
    </message>
    <message>
        <source>Mã số {0}</source>
        <translation>Code {0}</translation>
    </message>
    <message>
        <source>Danh mục chưa có thành phần hồ sơ của thủ tục này.</source>
        <translation>The catalog has no list of papers for this procedure yet.</translation>
    </message>
    <message>
        <source>Cách thức thực hiện, thời hạn và phí</source>
        <translation>How to submit, processing time and fees</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Cơ quan thực hiện</source>
        <translation>Executing agency</translation>
    </message>
    <message>
        <source>Cơ quan có thẩm quyền</source>
        <translation>Competent agency</translation>
    </message>
    <message>
        <source>Địa chỉ tiếp nhận hồ sơ</source>
        <translation>Where to submit</translation>
    </message>
    <message>
        <source>Đối tượng thực hiện</source>
        <translation>Who can apply</translation>
    </message>
    <message>
        <source>Điều kiện thực hiện</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Kết quả thực hiện</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Trình tự thực hiện</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Danh mục mới có tên và lĩnh vực của thủ tục này; xem đầy đủ trên Cổng Dịch vụ công quốc gia.</source>
        <translation>The catalog only has the name and field of this procedure; see the National Public Service Portal for the details.</translation>
    </message>
</context>
<context>
    <name>ProcedureTableModel</name>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mã số</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>ProceduresPage</name>
    <message>
        <source>Tìm thủ tục hoặc đặt câu hỏi: tên, mã số, từ viết tắt (không cần dấu) — Ctrl+F</source>
        <translation>Find a procedure or ask a question: name, code, abbreviation (accents optional) — Ctrl+F</translation>
    </message>
    <message>
        <source>Mọi cấp</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Cấp {0}</source>
        <translation>{0} level</translation>
    </message>
    <message>
        <source>Mọi lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Lỗi khi tìm: {0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <source>Gõ để tìm trong {0} thủ tục hành chính.</source>
        <translation>Type to search {0} administrative procedures.</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục nào. Thử từ khác hoặc bỏ bớt bộ lọc.</source>
        <translation>No procedure found. Try other words or fewer filters.</translation>
    </message>
    <message>
        <source>Đã sửa chính tả {0} — kết quả gần đúng:</source>
        <translation>Spelling corrected to {0} — approximate results:</translation>
    </message>
    <message>
        <source>Không tìm thấy chính xác — kết quả gần đúng:</source>
        <translation>No exact match — closest results:</translation>
    </message>
    <message>
        <source>{0} kết quả</source>
        <translation>{0} results</translation>
    </message>
    <message>
        <source>Đã sao chép nội dung thủ tục.</source>
        <translation>Procedure copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>QuickSearchDialog</name>
    <message>
        <source>Yêu cầu</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Tìm nhanh</source>
        <translation>Quick search</translation>
    </message>
    <message>
        <source>Tên người, số điện thoại, thủ tục, cán bộ…</source>
        <translation>Name, phone number, procedure, official…</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chọn một yêu cầu để xem chi tiết.</source>
        <translation>Choose a request to see its details.</translation>
    </message>
    <message>
        <source>Nhận lại từ cấp trên</source>
        <translation>Taken back from upper level</translation>
    </message>
    <message>
        <source>Đổi nơi chuyển đến</source>
        <translation>Escalation target changed</translation>
    </message>
    <message>
        <source>Giao người xử lý</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Sửa thông tin</source>
        <translation>Details edited</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>Người yêu cầu</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Diễn biến</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>&amp;Nhận lại từ cấp trên…</source>
        <translation>Take &amp;back from upper level…</translation>
    </message>
    <message>
        <source>&amp;Nhận xử lý</source>
        <translation>&amp;Take request</translation>
    </message>
    <message>
        <source>&amp;Chờ người yêu cầu</source>
        <translation>&amp;Wait for requester</translation>
    </message>
    <message>
        <source>Ch&amp;uyển cấp trên…</source>
        <translation>&amp;Escalate…</translation>
    </message>
    <message>
        <source>Đã &amp;giải quyết…</source>
        <translation>&amp;Resolved…</translation>
    </message>
    <message>
        <source>&amp;Mở lại</source>
        <translation>Re&amp;open</translation>
    </message>
    <message>
        <source>&amp;In phiếu tiếp nhận</source>
        <translation>&amp;Print receipt</translation>
    </message>
    <message>
        <source>Hạn xử lý</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Chuyển đến</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>Số phiếu</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Người yêu cầu</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hạn xử lý</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Assignee</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Ghi yêu cầu mới (Ctrl+N)</source>
        <translation>New request (Ctrl+N)</translation>
    </message>
    <message>
        <source>Tìm: tên, số điện thoại, số phiếu, nội dung…</source>
        <translation>Search: name, phone, ticket, summary…</translation>
    </message>
    <message>
        <source>Đang mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Đã chuyển cấp trên</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Mọi chủ đề</source>
        <translation>All topics</translation>
    </message>
    <message>
        <source>Mọi người xử lý</source>
        <translation>All assignees</translation>
    </message>
    <message numerus="yes">
        <source>%n yêu cầu</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã lưu yêu cầu {0} (đã giải quyết tại quầy).</source>
        <translation>Saved request {0} (resolved at the counter).</translation>
    </message>
    <message>
        <source>Đã lưu yêu cầu {0}.</source>
        <translation>Saved request {0}.</translation>
    </message>
    <message>
        <source>Nhận lại từ cấp trên</source>
        <translation>Take back from upper level</translation>
    </message>
    <message>
        <source>Yêu cầu {0} đã chuyển đến: {1}.
Nhận lại để {2} xử lý tại xã? Ghi lý do (không bắt buộc):</source>
        <translation>Request {0} was escalated to: {1}.
Take it back so that {2} handles it at the commune? Reason (optional):</translation>
    </message>
    <message>
        <source>Kết quả giải quyết:</source>
        <translation>Resolution:</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source> tháng</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Sau thời hạn này, họ tên, số điện thoại và số giấy tờ của người yêu cầu được xoá (Nghị định 13/2023/NĐ-CP); số liệu thống kê vẫn giữ.</source>
        <translation>After this period the requester&apos;s name, phone and ID number are erased (Decree 13/2023/NĐ-CP); statistics are kept.</translation>
    </message>
    <message>
        <source>Giữ dữ liệu cá nhân:</source>
        <translation>Keep personal data for:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Cỡ chữ:</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <source>Đơn vị, tổ hỗ trợ</source>
        <translation>Unit and team</translation>
    </message>
    <message>
        <source>Chủ đề, thời hạn</source>
        <translation>Topics, service times</translation>
    </message>
    <message>
        <source>Lịch làm việc</source>
        <translation>Working calendar</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh</source>
        <translation>Provincial server</translation>
    </message>
    <message>
        <source>Nhóm máy</source>
        <translation>Team of desks</translation>
    </message>
    <message>
        <source>Dữ liệu cá nhân</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Chưa lưu: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <source>Giao diện</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Không mở được thư mục. Tệp nằm ở: {0}</source>
        <translation>Could not open the folder. The file is at: {0}</translation>
    </message>
    <message>
        <source>Chưa chọn đơn vị</source>
        <translation>No unit chosen</translation>
    </message>
    <message>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source>Người trực: {0}</source>
        <translation>On duty: {0}</translation>
    </message>
    <message>
        <source>Bấm để đổi người trực</source>
        <translation>Click to change who is on duty</translation>
    </message>
    <message>
        <source>⏸ Tạm dừng gửi: cần đăng ký lại (Cài đặt → Máy chủ tỉnh)</source>
        <translation>⏸ Sending paused: enroll again (Settings → Provincial server)</translation>
    </message>
    <message>
        <source>chưa lần nào</source>
        <translation>never</translation>
    </message>
    <message>
        <source>● Trực tuyến · đồng bộ: {0}</source>
        <translation>● Online · last sync: {0}</translation>
    </message>
    <message>
        <source>○ Ngoại tuyến · đồng bộ: {0}</source>
        <translation>○ Offline · last sync: {0}</translation>
    </message>
    <message>
        <source> · ⚠ HTTP không mã hoá</source>
        <translation> · ⚠ unencrypted HTTP</translation>
    </message>
    <message>
        <source>Chờ gửi: {0}</source>
        <translation>Waiting to send: {0}</translation>
    </message>
    <message>
        <source>vừa xong</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>{0} phút trước</source>
        <translation>{0} min ago</translation>
    </message>
    <message>
        <source>{0} giờ trước</source>
        <translation>{0} h ago</translation>
    </message>
    <message>
        <source>{0} ngày trước</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <source>Nhóm: {0} máy</source>
        <translation>Team: {0} desks</translation>
    </message>
    <message>
        <source>⚠ {0} · lần đồng bộ cuối bị từ chối</source>
        <translation>⚠ {0} · last sync refused</translation>
    </message>
    <message>
        <source>⚠ {0} · không liên lạc được máy nào từ {1}</source>
        <translation>⚠ {0} · no desk reached since {1}</translation>
    </message>
    <message>
        <source>Kiểm tra mạng nội bộ và các máy khác của nhóm.</source>
        <translation>Check the office network and the team&apos;s other desks.</translation>
    </message>
    <message>
        <source>{0} · chưa đồng bộ lần nào</source>
        <translation>{0} · never synced yet</translation>
    </message>
    <message>
        <source>{0} · đồng bộ {1}</source>
        <translation>{0} · synced {1}</translation>
    </message>
</context>
<context>
    <name>StoreProblemDialog</name>
    <message>
        <source>Hãy liên hệ tổ hỗ trợ của tỉnh. Tệp dữ liệu được giữ nguyên, chưa bị xoá.</source>
        <translation>Please contact the provincial support team. The data file was kept as it is, nothing was deleted.</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu này? Tệp đang hỏng được giữ lại trong thư mục backups.</source>
        <translation>Restore from this backup? The damaged file is kept in the backups folder.</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>Mã đăng ký do tổ hỗ trợ tỉnh cấp</source>
        <translation>Enrollment code from the provincial team</translation>
    </message>
    <message>
        <source>Đăng ký với máy chủ tỉnh</source>
        <translation>Enroll with the provincial server</translation>
    </message>
    <message>
        <source>Địa chỉ máy chủ tỉnh:</source>
        <translation>Provincial server address:</translation>
    </message>
    <message>
        <source>Mã đăng ký:</source>
        <translation>Enrollment code:</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã thu hồi mã của xã: xin mã đăng ký mới rồi bấm Đăng ký.</source>
        <translation>The provincial server revoked this commune&apos;s token: ask for a new enrollment code, then press Enroll.</translation>
    </message>
    <message>
        <source>Đã đăng ký: {0}</source>
        <translation>Enrolled: {0}</translation>
    </message>
    <message>
        <source>Chưa đăng ký: báo cáo chờ trong hộp thư đi.</source>
        <translation>Not enrolled: reports wait in the outbox.</translation>
    </message>
    <message>
        <source>Cần địa chỉ máy chủ và mã đăng ký.</source>
        <translation>The server address and an enrollment code are needed.</translation>
    </message>
    <message>
        <source>Đang đăng ký…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>Không đăng ký được: {0}</source>
        <translation>Enrollment failed: {0}</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Ký hiệu</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>Tên máy</source>
        <translation>Desk name</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Mời máy khác vào nhóm</source>
        <translation>Invite another desk</translation>
    </message>
    <message>
        <source>192.168.1.10:8766 — để trống: tự tìm trong mạng</source>
        <translation>192.168.1.10:8766 — leave empty to find it on the network</translation>
    </message>
    <message>
        <source>Vào nhóm</source>
        <translation>Join the team</translation>
    </message>
    <message>
        <source>Rời nhóm…</source>
        <translation>Leave the team…</translation>
    </message>
    <message>
        <source>Rời nhóm? Máy này thôi đồng bộ với các máy khác; mọi dữ liệu vẫn giữ trên máy này.</source>
        <translation>Leave the team? This desk stops syncing with the others; all its data stays here.</translation>
    </message>
    <message>
        <source>Rời nhóm</source>
        <translation>Leave the team</translation>
    </message>
    <message>
        <source>Thôi</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Địa chỉ máy mời</source>
        <translation>Inviting desk&apos;s address</translation>
    </message>
    <message>
        <source>Mã mời</source>
        <translation>Invitation code</translation>
    </message>
    <message>
        <source>Máy này là máy {0} trong nhóm của xã {1}. Số phiếu mới có chữ {0}.</source>
        <translation>This is desk {0} in the team of commune {1}. New tickets carry the letter {0}.</translation>
    </message>
    <message>
        <source>Máy này chưa vào nhóm nào. Mời máy khác, hoặc nhập địa chỉ và mã mời do máy khác cho.</source>
        <translation>This desk is not in a team yet. Invite another desk, or enter the address and code another desk shows.</translation>
    </message>
    <message>
        <source>Mã: {0} — địa chỉ: {1} (dùng một lần, trong 15 phút)</source>
        <translation>Code: {0} — address: {1} (single use, valid 15 minutes)</translation>
    </message>
    <message>
        <source>Cần mã mời (địa chỉ máy mời có thể để trống).</source>
        <translation>The invitation code is needed (the address may stay empty).</translation>
    </message>
    <message>
        <source>Đang vào nhóm…</source>
        <translation>Joining the team…</translation>
    </message>
</context>
<context>
    <name>TeamWork</name>
    <message>
        <source>Không mở được cổng đồng bộ nhóm {0}: máy khác chưa gửi được sang máy này.</source>
        <translation>Could not open team port {0}: other desks cannot reach this one yet.</translation>
    </message>
    <message>
        <source>Nhóm: đã nhận {0} thay đổi từ {1} máy.</source>
        <translation>Team: received {0} changes from {1} desks.</translation>
    </message>
    <message>
        <source>Đồng bộ nhóm lỗi: {0}</source>
        <translation>Team sync failed: {0}</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Ghi yêu cầu mới</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Lưu yêu cầu đang ghi</source>
        <translation>Save the request being logged</translation>
    </message>
    <message>
        <source>Tìm nhanh yêu cầu, thủ tục, danh bạ</source>
        <translation>Quick search across requests, procedures, contacts</translation>
    </message>
    <message>
        <source>Đưa con trỏ vào ô tìm kiếm của trang</source>
        <translation>Go to the search box of the page</translation>
    </message>
    <message>
        <source>Chuyển trang: Yêu cầu, Thủ tục, Danh bạ, Tổng hợp</source>
        <translation>Switch page: Requests, Procedures, Directory, Dashboard</translation>
    </message>
    <message>
        <source>In hướng dẫn thủ tục hoặc phiếu tiếp nhận</source>
        <translation>Print the procedure handout or the receipt</translation>
    </message>
    <message>
        <source>Chữ to hơn / nhỏ hơn</source>
        <translation>Larger / smaller text</translation>
    </message>
    <message>
        <source>Đóng danh sách gợi ý; đóng khung ghi yêu cầu (hỏi trước khi bỏ nội dung)</source>
        <translation>Close the suggestions; close the request form (asks before discarding input)</translation>
    </message>
    <message>
        <source>Sang ô tiếp theo / ô trước</source>
        <translation>Next field / previous field</translation>
    </message>
    <message>
        <source>Nhận xử lý yêu cầu đang chọn (yêu cầu đã chuyển: nhận lại từ cấp trên)</source>
        <translation>Take the selected request (escalated: take it back from the upper level)</translation>
    </message>
    <message>
        <source>Chờ người yêu cầu</source>
        <translation>Waiting for requester</translation>
    </message>
    <message>
        <source>Chuyển cấp trên</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Đóng yêu cầu</source>
        <translation>Close the request</translation>
    </message>
    <message>
        <source>Mở lại yêu cầu</source>
        <translation>Reopen the request</translation>
    </message>
    <message>
        <source>In phiếu tiếp nhận</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bảng phím tắt này</source>
        <translation>This list of shortcuts</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>SupportDesk {0}
Phần mềm của tổ hỗ trợ kỹ thuật tại Trung tâm Phục vụ hành chính công cấp xã.
Dữ liệu đơn vị hành chính: thanglequoc/vietnamese-provinces-database (MIT).</source>
        <translation>SupportDesk {0}
Software for the technical support teams of commune Public Administration Service Centers.
Administrative units: thanglequoc/vietnamese-provinces-database (MIT).</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>levels</name>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Yêu cầu hỗ trợ</source>
        <translation>Support requests</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Tổng hợp</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Bài hướng dẫn</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Chờ người yêu cầu</source>
        <translation>Waiting for requester</translation>
    </message>
    <message>
        <source>Đã chuyển cấp trên</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Đã đóng</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Cấp xã</source>
        <translation>Commune level</translation>
    </message>
    <message>
        <source>Cấp huyện</source>
        <translation>District level</translation>
    </message>
    <message>
        <source>Cấp tỉnh</source>
        <translation>Provincial level</translation>
    </message>
    <message>
        <source>Trung ương</source>
        <translation>Central (ministries)</translation>
    </message>
    <message>
        <source>Cơ quan khác</source>
        <translation>Other agencies</translation>
    </message>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Huyện</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Cán bộ, công chức</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>Doanh nghiệp</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Tại quầy</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Tại cơ sở</source>
        <translation>Field visit</translation>
    </message>
    <message>
        <source>Thấp</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Bình thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Cao</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Khẩn</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Giấy tờ cần có</source>
        <translation>Papers to bring</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Nơi nộp hồ sơ</source>
        <translation>Where to submit</translation>
    </message>
    <message>
        <source>Kết quả nhận được</source>
        <translation>What you receive</translation>
    </message>
    <message>
        <source>Điều kiện</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Mẫu đơn, tờ khai</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Tóm tắt</source>
        <translation>Summary</translation>
    </message>
</context>
</TS>
